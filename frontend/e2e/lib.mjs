// Shared helpers of the end-to-end tests: the browser, contexts that record
// page errors, console errors and requests to other hosts, the API (for
// set-up only: what a test checks, it does through the UI), waiting
// assertions with readable failures, and the overflow check.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { templateInput } from "./chart.mjs";

export const BASE = process.env.E2E_BASE_URL ?? "";
if (!BASE) throw new Error("E2E_BASE_URL is not set: run the tests with `npm run e2e` (e2e/run.mjs starts the server)");
export const BASE_HOST = new URL(BASE).host;
export const SHOTS = process.env.E2E_SCREENSHOTS ?? "";

/** Timeouts (ms). */
export const T = { action: 15_000, page: 20_000, deploy: 60_000 };

export const PASSWORD = "e2e-Passw0rd-long";
/** The accounts. Ada registers first (platform admin) and owns the workspace. */
export const ADA = { name: "Ada Lovelace", email: "ada@example.test", password: PASSWORD };
/** Bob has an account before he is invited: he accepts on his dashboard. */
export const BOB = { name: "Bob Builder", email: "bob@example.test", password: PASSWORD };
/** Carol is invited before she has an account: she registers through the link and accepts. */
export const CAROL = { name: "Carol Jones", email: "carol@example.test", password: PASSWORD };
/** Dan is used by the tests that need an account of their own. */
export const DAN = { name: "Dan Brown", email: "dan@example.test", password: PASSWORD };

export const WORKSPACE = { name: "Acme Shop", slug: "acme-shop" };

export const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: LAUNCH_ARGS,
    timeout: 30_000,
  });
}

/**
 * A browser context that records what must not happen: uncaught page
 * errors, console errors, requests to hosts other than the server.
 * `allow` lists regexps of console errors that a test expects; `locale`
 * is the browser's language (navigator.languages), English unless a test
 * says otherwise.
 */
export async function newContext(browser, { viewport = { width: 1280, height: 800 }, colorScheme = "light", label = "browser", allow = [], locale = "en-US" } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, baseURL: BASE, locale, timezoneId: "UTC" });
  context.setDefaultTimeout(T.action);
  context.setDefaultNavigationTimeout(T.page);
  const problems = [];
  const requests = [];
  const watch = (page) => {
    page.on("pageerror", (err) => problems.push(`[${label}] uncaught page error on ${safeURL(page)}: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const text = msg.text();
      if (allow.some((re) => re.test(text))) return;
      problems.push(`[${label}] console error on ${safeURL(page)}: ${text}`);
    });
    page.on("request", (req) => {
      const url = req.url();
      requests.push(url);
      if (/^(data|blob|about|chrome-extension):/.test(url)) return;
      try {
        const u = new URL(url);
        if (u.hostname !== "127.0.0.1") problems.push(`[${label}] request to another host from ${safeURL(page)}: ${url}`);
      } catch {
        problems.push(`[${label}] request to an unparseable URL: ${url}`);
      }
    });
  };
  context.on("page", watch);
  const page = await context.newPage();
  return { context, page, problems, requests, label };
}

function safeURL(page) {
  try {
    return page.url().replace(BASE, "");
  } catch {
    return "?";
  }
}

/** Fails with every recorded problem of the given contexts. */
export function assertClean(...ctxs) {
  const all = ctxs.flatMap((c) => c.problems);
  assert.deepEqual(all, [], `problems in the browser:\n  ${all.join("\n  ")}`);
}

// ---------------------------------------------------------------- API (set-up)

/** A GraphQL request with the context's cookies; throws on errors. */
export async function gql(context, query, variables = {}) {
  const res = await context.request.post(`${BASE}/query`, {
    data: { query, variables },
    headers: { "Content-Type": "application/json" },
    timeout: T.page,
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok() || body.errors?.length) {
    const e = new Error(`GraphQL ${res.status()}: ${JSON.stringify(body.errors ?? body)}`);
    e.code = body.errors?.[0]?.extensions?.code;
    throw e;
  }
  return body.data;
}

/** Like gql, but NOT_FOUND is null. */
export async function gqlOrNull(context, query, variables = {}) {
  try {
    return await gql(context, query, variables);
  } catch (err) {
    if (err.code === "NOT_FOUND") return null;
    throw err;
  }
}

/** Signs the context in as account, registering it if it does not exist yet. */
export async function apiSignIn(context, account) {
  try {
    await gql(context, `mutation E2ELogin($input: LoginInput!) { login(input: $input) { user { id } } }`, {
      input: { email: account.email, password: account.password },
    });
  } catch (err) {
    if (err.code !== "UNAUTHENTICATED") throw err;
    await gql(context, `mutation E2ERegister($input: RegisterInput!) { register(input: $input) { user { id } } }`, {
      input: account,
    });
  }
}

/** An API-only context (no page) signed in as account. */
export async function apiAs(browser, account) {
  const context = await browser.newContext({ baseURL: BASE });
  await apiSignIn(context, account);
  return context;
}

/** The workspace with that slug, or null (NOT_FOUND). */
export async function workspaceBySlug(context, slug) {
  const d = await gqlOrNull(context, `query E2EWorkspace($slug: String!) { workspace(slug: $slug) { id name slug state } }`, { slug });
  return d?.workspace ?? null;
}

/** The shared workspace, created (by Ada) if a UI step before did not. */
export async function ensureWorkspace(browser) {
  const ada = await apiAs(browser, ADA);
  try {
    let ws = await workspaceBySlug(ada, WORKSPACE.slug);
    if (!ws) {
      const d = await gql(ada, `mutation E2ECreateWs($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id name slug state } } }`, {
        input: { name: WORKSPACE.name },
      });
      ws = d.createWorkspace.workspace;
      assert.equal(ws.slug, WORKSPACE.slug, "the workspace's slug");
    }
    return ws;
  } finally {
    await ada.close();
  }
}

/** The token of an invitation link (`…/invitation#token=…`). */
export function tokenOf(link) {
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("token");
  if (!token) throw new Error(`no token in the invitation link ${link}`);
  return token;
}

/** Invites email into the workspace as Ada (admin of it); returns the link. */
export async function apiInvite(browser, ws, email, role = "user") {
  const ada = await apiAs(browser, ADA);
  try {
    const d = await gql(ada, `mutation E2EInvite($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } link } }`, {
      input: { workspaceId: ws.id, email, role },
    });
    return d.inviteMember.link;
  } finally {
    await ada.close();
  }
}

/**
 * Makes account a member of the workspace (set-up for tests that need a
 * member): Ada invites the address, the account accepts with the link's
 * token. Nobody joins by being invited alone.
 */
export async function ensureMember(browser, ws, account, role = "user") {
  const other = await apiAs(browser, account);
  try {
    const mine = await gql(other, `{ workspaces(first: 100) { edges { node { id } } } }`);
    if (mine.workspaces.edges.some((e) => e.node.id === ws.id)) return;
    const link = await apiInvite(browser, ws, account.email, role);
    await gql(other, `mutation E2EAccept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { member { id } } }`, {
      input: { token: tokenOf(link) },
    });
  } finally {
    await other.close();
  }
}

/** The e2e template (created by the platform admin Ada if missing). */
export async function ensureTemplate(browser) {
  const ada = await apiAs(browser, ADA);
  try {
    const input = templateInput(process.env.E2E_CHART_DIR);
    const d = await gqlOrNull(ada, `query E2ETemplate($slug: String!) { appTemplate(slug: $slug) { id slug name } }`, { slug: input.slug });
    if (d?.appTemplate) return d.appTemplate;
    const c = await gql(ada, `mutation E2ECreateTemplate($input: CreateAppTemplateInput!) { createAppTemplate(input: $input) { appTemplate { id slug name } } }`, { input });
    return c.createAppTemplate.appTemplate;
  } finally {
    await ada.close();
  }
}

export const SERVICE_FIELDS = `id name state helmRevision values revisions { totalCount }`;

export async function serviceById(context, id) {
  const d = await gql(context, `query E2EService($id: ID!) { node(id: $id) { ... on Service { ${SERVICE_FIELDS} } } }`, { id });
  return d.node;
}

/** Deploys the e2e template over the API and waits until it runs (set-up). */
export async function apiDeploy(browser, ws, name) {
  const tpl = await ensureTemplate(browser);
  const ada = await apiAs(browser, ADA);
  try {
    const d = await gql(ada, `mutation E2EDeploy($input: DeployServiceInput!) { deployService(input: $input) { service { id } } }`, {
      input: { workspaceId: ws.id, templateId: tpl.id, name, values: { "site.title": "Screens", "auth.password": "s3cret-Value-9" } },
    });
    const id = d.deployService.service.id;
    await waitFor(async () => (await serviceById(ada, id))?.state === "running", { timeout: T.deploy, what: `service ${name} to run (API deploy)` });
    return id;
  } finally {
    await ada.close();
  }
}

// ---------------------------------------------------------------- waiting

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; fails saying what it waited for. */
export async function waitFor(fn, { timeout = T.action, interval = 150, what = "a condition" } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ""}`);
    await sleep(interval);
  }
}

/** Waits until the locator is visible; the failure names the selector. */
export async function visible(locator, what, timeout = T.action) {
  try {
    await locator.filter({ visible: true }).first().waitFor({ state: "visible", timeout });
  } catch {
    throw new Error(`expected ${what ?? "element"} to be visible: ${locator} (waited ${timeout} ms; page ${safeURL(locator.page())})`);
  }
  return locator.filter({ visible: true }).first();
}

export async function hidden(locator, what, timeout = T.action) {
  try {
    await locator.first().waitFor({ state: "hidden", timeout });
  } catch {
    throw new Error(`expected ${what ?? "element"} to be hidden: ${locator}`);
  }
}

/** Waits until the locator's text matches re. */
export async function textMatches(locator, re, what, timeout = T.action) {
  let text = "";
  try {
    await waitFor(
      async () => {
        text = (await locator.first().innerText({ timeout: 1000 })).trim();
        return re.test(text);
      },
      { timeout, what: `${what}` },
    );
  } catch {
    throw new Error(`expected ${what ?? locator} to match ${re} within ${timeout} ms; ${locator} shows: ${JSON.stringify(text.slice(-600))}`);
  }
}

export async function urlMatches(page, re, what, timeout = T.page) {
  try {
    await waitFor(() => re.test(page.url()), { timeout, what });
  } catch {
    throw new Error(`expected the URL to match ${re} (${what}); it is ${page.url()}`);
  }
}

/** The first of several candidate locators that shows up. */
export async function firstVisible(page, candidates, what, timeout = T.action) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const c of candidates) {
      const v = c.filter({ visible: true }).first();
      if (await v.isVisible().catch(() => false)) return v;
    }
    if (Date.now() > deadline) throw new Error(`expected ${what} to be visible: one of\n    ${candidates.map(String).join("\n    ")}\n  (page ${safeURL(page)})`);
    await sleep(150);
  }
}

/** Waits for a page to settle: network quiet and no loading spinner. */
export async function settled(page) {
  const t0 = Date.now();
  await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => {});
  const t1 = Date.now();
  await page.locator('[aria-busy="true"]').first().waitFor({ state: "hidden", timeout: T.page }).catch(() => {});
  if (process.env.E2E_TRACE) console.error(`settled ${safeURL(page)}: network ${t1 - t0} ms, busy ${Date.now() - t1} ms`);
}

/** Navigates in the app and waits for its main heading. */
export async function open(page, path) {
  await page.goto(path, { waitUntil: "domcontentloaded" });
  await settled(page);
  await visible(page.getByRole("heading", { level: 1 }), `the page heading (h1) of ${path}`, T.page);
}

// ---------------------------------------------------------------- the UI

/** The main action of a form: the submit button matching name. */
export function button(scope, name) {
  return scope.getByRole("button", { name });
}

export async function signInUI(page, account, { from = "/login" } = {}) {
  if (from) await page.goto(from, { waitUntil: "domcontentloaded" });
  await (await visible(page.getByLabel(/^e-?mail/i), "the sign-in email field (label \"Email\")")).fill(account.email);
  await page.getByLabel(/^password/i).first().fill(account.password);
  await button(page, /^(sign in|log in)$/i).click();
}

export async function registerUI(page, account, { from = "/register" } = {}) {
  if (from) await page.goto(from, { waitUntil: "domcontentloaded" });
  await (await visible(page.getByLabel(/^name|^your name|^full name/i), "the register name field (label \"Name\")")).fill(account.name);
  await page.getByLabel(/^e-?mail/i).fill(account.email);
  const pw = page.getByLabel(/^password/i);
  await pw.first().fill(account.password);
  const confirm = page.getByLabel(/confirm|repeat/i);
  if (await confirm.count()) await confirm.first().fill(account.password);
  await button(page, /^(create( an)? account|register|sign up)$/i).click();
}

/** Opens the signed-in user's menu and signs out. */
export async function signOutUI(page) {
  await page.locator("header").getByRole("button", { expanded: false }).last().click();
  await (await visible(page.getByRole("menuitem", { name: /sign out/i }), "the user menu's Sign out item")).click();
  await urlMatches(page, /\/login/, "sign-out goes to the sign-in page");
}

/** A tab of the service page: a tab, or a link used as one. */
export async function openServiceTab(page, name) {
  const tab = await firstVisible(page, [page.getByRole("tab", { name }), page.getByRole("link", { name })], `the service page's ${name} tab (role tab or link)`);
  await tab.click();
  await settled(page);
}

/** The deploy log: role "log" (aria-live), or a region named after it. */
export function deployLog(page) {
  return page.getByRole("log").or(page.getByRole("region", { name: /log/i }));
}

/** Confirms the open dialog by its button matching name. */
export async function confirmDialog(page, name, { typeText } = {}) {
  const dialog = await visible(page.getByRole("dialog"), "a confirmation dialog (role dialog)");
  if (typeText !== undefined) {
    await (await visible(dialog.getByRole("textbox"), "the dialog's type-to-confirm text field")).fill(typeText);
  }
  await dialog.getByRole("button", { name }).click();
  return dialog;
}

// ---------------------------------------------------------------- layout

/** Whether the page scrolls sideways; with the widest offenders. */
export async function overflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const vw = window.innerWidth;
    const ok = doc.scrollWidth <= vw + 1;
    if (ok) return { ok, scrollWidth: doc.scrollWidth, innerWidth: vw, offenders: [] };
    const offenders = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right > vw + 1 && r.width > 0) {
        const id = el.id ? `#${el.id}` : "";
        const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
        offenders.push(`${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(r.right)}px)`);
      }
    }
    return { ok, scrollWidth: doc.scrollWidth, innerWidth: vw, offenders: offenders.slice(0, 6) };
  });
}
