// The web app's languages: English and Traditional Chinese (zh-TW), with
// i18next. Strings live in src/i18n/locales/<locale>/<namespace>.json, one
// namespace per area of the app (common, errors, auth, services, …), so that
// a page's strings sit in one small file per language. English is the
// fallback: a key missing in zh-TW shows in English (the parity test keeps
// that from happening unnoticed).
//
// API error messages stay English on the wire; the app translates them by
// their stable code (see lib/errors.ts).
import i18next, { type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

export const locales = ["en", "zh-TW"] as const;
export type Locale = (typeof locales)[number];

/** Each language's own name, for the switch in Settings. */
export const localeNames: Record<Locale, string> = { en: "English", "zh-TW": "繁體中文" };

const files = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json", { eager: true });

/** The bundled strings: { en: { common: {…}, auth: {…} }, "zh-TW": {…} }. */
export const resources: Resource = {};
for (const [path, mod] of Object.entries(files)) {
  const m = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!m) continue;
  (resources[m[1]] ??= {})[m[2]] = mod.default;
}

export function isLocale(s: string | null | undefined): s is Locale {
  return (locales as readonly string[]).includes(s ?? "");
}

/**
 * The language for a browser's preferences (navigator.languages, most
 * preferred first): the first that is Chinese in traditional script (zh-TW,
 * zh-HK, zh-MO, zh-Hant…) or English decides; Simplified Chinese and
 * anything else fall back to English, since that is what we have.
 */
export function browserLocale(languages: readonly string[]): Locale {
  for (const raw of languages) {
    const tag = raw.toLowerCase();
    if (tag === "zh-tw" || tag === "zh-hk" || tag === "zh-mo" || tag.startsWith("zh-hant")) return "zh-TW";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return "en";
}

const storageKey = "woow.locale";

/** The language a signed-out page uses: the last account's choice on this browser, else the browser's. */
export function initialLocale(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(storageKey);
  } catch {
    // storage disabled: follow the browser
  }
  if (isLocale(saved)) return saved;
  return browserLocale(typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language]);
}

/**
 * Switches the app to the account's language (null or "" follows the
 * browser) and remembers it for the sign-in page.
 */
export function applyLocale(accountLocale: string | null | undefined): Locale {
  let next: Locale;
  try {
    if (isLocale(accountLocale)) {
      localStorage.setItem(storageKey, accountLocale);
      next = accountLocale;
    } else {
      localStorage.removeItem(storageKey);
      next = browserLocale(navigator.languages ?? [navigator.language]);
    }
  } catch {
    next = isLocale(accountLocale) ? accountLocale : "en";
  }
  if (i18n.language !== next) void i18n.changeLanguage(next);
  return next;
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: typeof window === "undefined" ? "en" : initialLocale(),
  fallbackLng: "en",
  supportedLngs: [...locales],
  ns: Object.keys(resources.en ?? {}),
  defaultNS: "common",
  // React escapes what it renders; i18next escaping would double it.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// <html lang> follows the language, for screen readers and for the CJK
// font choice of the browser.
i18n.on("languageChanged", (lng) => {
  if (typeof document !== "undefined") document.documentElement.lang = lng;
});
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

export default i18n;
