// Typed keys: t("nav.dashboard") is checked against the English strings at
// compile time, so a misspelt or removed key fails `tsc`. Each namespace's
// English file is listed here (keep the list sorted).
import type common from "./locales/en/common.json";
import type errors from "./locales/en/errors.json";
import type settings from "./locales/en/settings.json";
import type smarthomes from "./locales/en/smarthomes.json";
import type workspaces from "./locales/en/workspaces.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      common: typeof common;
      errors: typeof errors;
      settings: typeof settings;
      smarthomes: typeof smarthomes;
      workspaces: typeof workspaces;
    };
  }
}
