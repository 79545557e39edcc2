// Typed keys: t("nav.dashboard") is checked against the English strings at
// compile time, so a misspelt or removed key fails `tsc`. Each namespace's
// English file is listed here (keep the list sorted).
import type admin from "./locales/en/admin.json";
import type assistant from "./locales/en/assistant.json";
import type auth from "./locales/en/auth.json";
import type catalog from "./locales/en/catalog.json";
import type common from "./locales/en/common.json";
import type dashboard from "./locales/en/dashboard.json";
import type errors from "./locales/en/errors.json";
import type invitations from "./locales/en/invitations.json";
import type oauth from "./locales/en/oauth.json";
import type projects from "./locales/en/projects.json";
import type services from "./locales/en/services.json";
import type settings from "./locales/en/settings.json";
import type smarthomes from "./locales/en/smarthomes.json";
import type workspaces from "./locales/en/workspaces.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      admin: typeof admin;
      assistant: typeof assistant;
      auth: typeof auth;
      catalog: typeof catalog;
      common: typeof common;
      dashboard: typeof dashboard;
      errors: typeof errors;
      invitations: typeof invitations;
      oauth: typeof oauth;
      projects: typeof projects;
      services: typeof services;
      settings: typeof settings;
      smarthomes: typeof smarthomes;
      workspaces: typeof workspaces;
    };
  }
}
