// Typed keys: t("nav.dashboard") is checked against the English strings at
// compile time, so a misspelt or removed key fails `tsc`. Each namespace's
// English file is listed here (keep the list sorted).
import type catalog from "./locales/en/catalog.json";
import type common from "./locales/en/common.json";
import type errors from "./locales/en/errors.json";
import type settings from "./locales/en/settings.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: {
      catalog: typeof catalog;
      common: typeof common;
      errors: typeof errors;
      settings: typeof settings;
    };
  }
}
