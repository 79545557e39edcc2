// No page speaks English only: the words a user reads come from the
// translation files, not from the TSX. This reads every page and component
// with the TypeScript parser and fails on English left in JSX text or in a
// user-facing attribute (label, title, placeholder, aria-label, hint, …).
// Code, names and punctuation are not words: only runs of three or more
// letters count. A line that must stay as it is (a product name, an
// example address) says why with `i18n-ignore` in a comment on that line
// or the line before.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const scanned = ["pages", "components"];

const attributes = new Set([
  "label",
  "title",
  "placeholder",
  "aria-label",
  "alt",
  "hint",
  "description",
  "message",
  "confirmLabel",
  "cancelLabel",
  "errorMessage",
  "emptyText",
]);

const words = /[A-Za-z]{3,}/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [p] : [];
  });
}

/** English a user would read in one file: "line: text". */
export function untranslated(source: string, fileName = "x.tsx"): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const lines = source.split("\n");
  const ignored = (pos: number) => {
    const line = sf.getLineAndCharacterOfPosition(pos).line;
    return /i18n-ignore/.test(lines[line] ?? "") || /i18n-ignore/.test(lines[line - 1] ?? "");
  };
  const out: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!words.test(text) || ignored(node.getStart(sf))) return;
    out.push(`${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}: ${text.trim().slice(0, 60)}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      report(node, node.text);
    } else if (ts.isJsxAttribute(node) && attributes.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) {
        const e = init.expression;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
        else if (ts.isTemplateExpression(e)) report(e, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(" "));
      }
    } else if (ts.isJsxExpression(node) && node.expression && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // {"text"} and {`text`} as a child, and the branches of {cond ? "a" : "b"}
      const strings: ts.Node[] = [];
      const collect = (e: ts.Expression) => {
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) strings.push(e);
        else if (ts.isTemplateExpression(e)) strings.push(e);
        else if (ts.isConditionalExpression(e)) {
          collect(e.whenTrue);
          collect(e.whenFalse);
        } else if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
          collect(e.right);
        } else if (ts.isParenthesizedExpression(e)) collect(e.expression);
      };
      collect(node.expression);
      for (const s of strings) {
        const text = ts.isTemplateExpression(s) ? [s.head.text, ...s.templateSpans.map((x) => x.literal.text)].join(" ") : (s as ts.StringLiteral).text;
        report(s, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe("untranslated", () => {
  it("finds English in text, attributes and conditional children", () => {
    const found = untranslated(`
      const a = <p title="Hello there">Save the file {x ? "Yes please" : t("no")} {\`Deleted \${n}\`}</p>;
      const b = <Field label={t("name")} hint={"Type a name"} />;
      // i18n-ignore: a product name
      const c = <span>Woow PaaS</span>;
      const d = <code>{"{}"}</code>;
    `);
    expect(found).toEqual(["2: Hello there", "2: Save the file", "2: Yes please", "2: Deleted", "3: Type a name"]);
  });

  const all = scanned.flatMap((d) => files(join(root, d)));
  it("reads the pages", () => {
    expect(all.length).toBeGreaterThan(40);
  });

  for (const file of all) {
    const name = relative(root, file);
    it(`${name} takes its words from the translation files`, () => {
      expect(untranslated(readFileSync(file, "utf8"), name)).toEqual([]);
    });
  }
});
