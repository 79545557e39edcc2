// The catalogue's words in the app's language. Templates and value specs
// keep English in their own fields and other languages in `translations`
// (one per locale); an empty or missing translation falls back to English.
import i18n from "../i18n";

export interface Translated {
  translations?: ReadonlyArray<{ locale: string }> | null;
}

/**
 * obj[field] in `locale` (by default the app's language, i18n.resolvedLanguage):
 * the translation's text when it has one, else the English field.
 */
export function localized<T extends Translated, K extends keyof T & string>(
  obj: T,
  field: K,
  locale: string | undefined = i18n.resolvedLanguage,
): T[K] {
  const t = obj.translations?.find((tr) => tr.locale === locale);
  const text = (t as Record<string, unknown> | undefined)?.[field];
  return typeof text === "string" && text !== "" ? (text as T[K]) : obj[field];
}
