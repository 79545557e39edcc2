// The two languages carry the same strings: every key of one is in the
// other (plural forms aside: English has _one and _other, Chinese only
// _other), with the same {{placeholders}} and <tags>, and a Chinese string
// that is a copy of the English one is a string nobody translated.
import { describe, expect, it } from "vitest";
import { browserLocale, resources } from ".";

type Tree = { [k: string]: string | Tree };

function flatten(t: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const plural = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(plural, "");
const marks = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

// Strings that read the same in both languages (names, product terms).
const sameInBoth = new Set(["common:brand"]);

const namespaces = Object.keys(resources.en);

describe("translations", () => {
  it("has namespaces in both languages", () => {
    expect(namespaces.length).toBeGreaterThan(2);
    expect(Object.keys(resources["zh-TW"]).sort()).toEqual([...namespaces].sort());
  });

  for (const ns of namespaces) {
    describe(ns, () => {
      const en = flatten(resources.en[ns] as Tree);
      const zh = flatten((resources["zh-TW"][ns] ?? {}) as Tree);

      it("has the same keys in zh-TW as in English", () => {
        const enKeys = new Set([...en.keys()].map(base));
        const zhKeys = new Set([...zh.keys()].map(base));
        expect([...enKeys].filter((k) => !zhKeys.has(k)), "missing in zh-TW").toEqual([]);
        expect([...zhKeys].filter((k) => !enKeys.has(k)), "only in zh-TW").toEqual([]);
      });

      it("keeps placeholders and tags", () => {
        for (const [k, v] of zh) {
          const enValue = en.get(k) ?? en.get(`${base(k)}_other`) ?? en.get(base(k));
          if (enValue === undefined) continue;
          expect(marks(v), `${ns}:${k}`).toEqual(marks(enValue));
        }
      });

      it("translates every string", () => {
        for (const [k, v] of zh) {
          expect(v.trim(), `${ns}:${k} is empty`).not.toBe("");
          if (sameInBoth.has(`${ns}:${k}`)) continue;
          const enValue = en.get(k);
          if (enValue !== undefined && /[A-Za-z]{3,}/.test(enValue)) {
            expect(v, `${ns}:${k} is the English text`).not.toBe(enValue);
          }
        }
      });
    });
  }
});

describe("browserLocale", () => {
  it.each([
    [["zh-TW"], "zh-TW"],
    [["zh-Hant-TW", "en"], "zh-TW"],
    [["zh-HK"], "zh-TW"],
    [["en-US", "zh-TW"], "en"],
    [["fr-FR", "zh-TW"], "zh-TW"],
    [["zh-CN"], "en"],
    [["de"], "en"],
    [[], "en"],
  ])("%j → %s", (langs, want) => {
    expect(browserLocale(langs)).toBe(want);
  });
});
