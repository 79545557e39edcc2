import { afterEach, describe, expect, it } from "vitest";
import i18n from "../i18n";
import { localized } from "./localized";

const spec = {
  label: "Password",
  description: "At least 8 characters",
  placeholder: null as string | null,
  translations: [{ locale: "zh-TW", label: "密碼", description: "", placeholder: "", patternMessage: "" }],
};

describe("localized", () => {
  afterEach(() => i18n.changeLanguage("en"));

  it.each([
    ["zh-TW", "label", "密碼"],
    ["en", "label", "Password"],
    ["zh-TW", "description", "At least 8 characters"], // empty translation: English
    ["zh-TW", "placeholder", null], // neither: the English field as is
    ["fr", "label", "Password"], // no such translation
  ] as const)("in %s, %s is %s", (locale, field, want) => {
    expect(localized(spec, field, locale)).toBe(want);
  });

  it("follows the app's language", async () => {
    expect(localized(spec, "label")).toBe("Password");
    await i18n.changeLanguage("zh-TW");
    expect(localized(spec, "label")).toBe("密碼");
  });

  it("takes an object without translations", () => {
    expect(localized({ label: "Name", translations: null }, "label", "zh-TW")).toBe("Name");
    expect(localized({ label: "Name", translations: [] }, "label", "zh-TW")).toBe("Name");
  });
});
