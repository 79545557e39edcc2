// 15. Traditional Chinese: a browser that prefers zh-TW gets the app in
// Traditional Chinese from the sign-in page on; the language switch in
// Settings is kept on the account (it wins over the browser, after a reload
// too) and remembered for the sign-in page after signing out; every main
// page reads in Chinese, with no English left in its headings, labels,
// buttons and tabs, and fits a phone's width.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  PASSWORD, SHOTS, assertClean, button, gql, launch, newContext, open, overflow, settled, urlMatches, visible, waitFor,
} from "./lib.mjs";

let browser;

const MEILING = { name: "王美玲", email: "meiling@example.test", password: PASSWORD };

before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The <html lang> of the page. */
const lang = (page) => page.evaluate(() => document.documentElement.lang);

// Words that stay as they are in a Chinese page: product and technical
// names, and what the user typed.
const kept = /\b(Woow|PaaS|API|GraphQL|OAuth|Helm|Kubernetes|Cloudflare|Home Assistant|Markdown|URL|Smart Home|Email|ID|CPU|n8n|PostgreSQL|Redis|Odoo|MiB|GiB|Mi|Gi|AI|LLM|DevOps)\b/g;

/** The English words left in the app's own words on the page: headings, labels, buttons, tabs, table headers. */
async function english(page, data = []) {
  const texts = await page.evaluate(() => {
    const els = document.querySelectorAll("main h1, main h2, main h3, main label, main legend, main th, main button, main [role=tab], nav a, header button");
    return [...els].map((e) => (e.getAttribute("aria-label") || e.textContent || "").trim()).filter(Boolean);
  });
  return texts
    .map((t) => data.reduce((s, d) => s.split(d).join(" "), t).replace(kept, " "))
    .filter((t) => /[A-Za-z]{3,}/.test(t));
}

test("a browser that prefers zh-TW: sign-in pages, the app and Settings in Traditional Chinese; the switch is kept on the account", { timeout: 120_000 }, async () => {
  const zh = await newContext(browser, { label: "zh-TW", locale: "zh-TW" });
  try {
    const { page, context } = zh;
    await page.goto("/register", { waitUntil: "domcontentloaded" });
    await settled(page);
    assert.equal(await lang(page), "zh-TW", "the register page follows the browser");
    assert.deepEqual(await english(page), [], "the register page has no English left");
    await gql(context, `mutation E2ERegister($input: RegisterInput!) { register(input: $input) { user { id } } }`, { input: MEILING });

    await open(page, "/settings");
    await visible(page.getByRole("heading", { level: 1, name: "設定" }), "Settings in Chinese");
    await visible(page.getByRole("link", { name: "儀表板" }).first(), "the navigation in Chinese");
    const select = page.getByLabel("應用程式的語言");
    assert.equal(await select.inputValue(), "", "a new account follows the browser");

    // English on the account wins over the browser, after a reload too.
    await select.selectOption("en");
    await visible(page.getByRole("heading", { level: 1, name: "Settings" }), "the app switches to English at once");
    await waitFor(async () => (await gql(context, `{ viewer { locale } }`)).viewer.locale === "en", { what: "the account to keep en" });
    await page.reload({ waitUntil: "domcontentloaded" });
    await visible(page.getByRole("heading", { level: 1, name: "Settings" }), "English after a reload in a zh-TW browser");
    assert.equal(await lang(page), "en");

    // Back to Traditional Chinese, chosen on the account this time.
    await page.getByLabel("Language of the app").selectOption("zh-TW");
    await visible(page.getByRole("heading", { level: 1, name: "設定" }), "the app switches back to Chinese");
    await waitFor(async () => (await gql(context, `{ viewer { locale } }`)).viewer.locale === "zh-TW", { what: "the account to keep zh-TW" });

    // Signed out, the sign-in page keeps the account's language.
    await page.locator("header").getByRole("button", { expanded: false }).last().click();
    await page.getByRole("menuitem", { name: "登出" }).click();
    await urlMatches(page, /\/login/, "signing out goes to the sign-in page");
    await settled(page);
    assert.equal(await lang(page), "zh-TW", "the sign-in page keeps the language");
    assert.deepEqual(await english(page), [], "the sign-in page has no English left");
    assertClean(zh);
  } finally {
    await zh.context.close();
  }
});

test("every main page in Traditional Chinese, at desktop and phone width", { timeout: 240_000 }, async () => {
  const zh = await newContext(browser, { label: "zh-TW pages", locale: "zh-TW" });
  try {
    const { page, context } = zh;
    await gql(context, `mutation E2ELogin($input: LoginInput!) { login(input: $input) { user { id } } }`, {
      input: { email: MEILING.email, password: MEILING.password },
    });
    const ws = (
      await gql(context, `mutation E2ECreateWs($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id slug name } } }`, {
        input: { name: "美玲的工作室" },
      })
    ).createWorkspace.workspace;
    // What the user typed, and template names (names, like product names, are not translated).
    const data = [MEILING.name, MEILING.email, ws.name, ws.slug, "Container app"];

    const pages = [
      "/",
      "/workspaces",
      `/workspaces/${ws.slug}`,
      `/workspaces/${ws.slug}/team`,
      `/workspaces/${ws.slug}/assistant`,
      `/workspaces/${ws.slug}/projects`,
      "/marketplace",
      "/marketplace/container-app",
      "/settings",
    ];
    const failures = [];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width > 600 ? 800 : 740 });
      for (const path of pages) {
        await open(page, path);
        assert.equal(await lang(page), "zh-TW");
        const left = await english(page, data);
        if (left.length) failures.push(`${path} at ${width}px: ${JSON.stringify(left)}`);
        const o = await overflow(page);
        if (!o.ok) failures.push(`${path} at ${width}px scrolls sideways (${o.scrollWidth}px): ${o.offenders.join(", ")}`);
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `zh-TW-${width}${path.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
      }
    }
    await page.goto("/this-page-does-not-exist", { waitUntil: "domcontentloaded" });
    await visible(page.getByRole("heading", { name: "找不到頁面" }), "the not-found page in Chinese");
    assert.deepEqual(failures, [], "pages with English left or too wide");
    assertClean(zh);
  } finally {
    await zh.context.close();
  }
});
