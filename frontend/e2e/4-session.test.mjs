// 4. Session expiry: the app sends you to sign in, then back where you were;
// a session ended elsewhere closes the live connection (4401), and the app
// signs out at once instead of reconnecting.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, WORKSPACE, T,
  apiSignIn, assertClean, ensureWorkspace, launch, newContext, open, settled, signInUI, signOutUI, urlMatches, visible,
} from "./lib.mjs";

let browser;

before(async () => {
  browser = await launch();
  await ensureWorkspace(browser);
});
after(async () => {
  await browser?.close();
});

// A WebSocket whose session ended may fail its reconnect; that is expected here.
const allow = [/WebSocket connection to .* failed/i];

test("the session cookie disappears: sign in, then back to the page", { timeout: 60_000 }, async () => {
  const ada = await newContext(browser, { label: "ada", allow });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    const team = `/workspaces/${WORKSPACE.slug}/team`;
    await open(page, "/");
    await context.clearCookies();
    await page.goto(team);
    await urlMatches(page, /\/login\?next=/, "an expired session goes to /login?next=…");
    assert.equal(new URL(page.url()).searchParams.get("next"), team, "next= is the page asked for");
    await signInUI(page, ADA, { from: null });
    await urlMatches(page, new RegExp(`${team}$`), "signing in returns to the page asked for");
    await settled(page);
    await visible(page.getByRole("heading", { level: 1 }), "the team page's heading");
    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});

test("signed out in another tab: a page with live updates goes to sign-in at once, then returns", { timeout: 60_000 }, async () => {
  const ada = await newContext(browser, { label: "ada", allow });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    // The workspace page follows its services live, over the WebSocket.
    const here = `/workspaces/${WORKSPACE.slug}`;
    await open(page, here);
    await page.evaluate(() => (window.__e2eNoReload = true));

    const other = await context.newPage();
    await open(other, "/");
    await signOutUI(other);
    await other.close();

    // The server closes the session's WebSocket (4401): no reconnecting,
    // the first tab asks to sign in by itself, without a navigation.
    await urlMatches(page, new RegExp(`/login\\?next=${encodeURIComponent(here)}$`), "the ended session's page goes to /login?next=…", T.page);
    assert.ok(await page.evaluate(() => window.__e2eNoReload === true), "the app went to sign-in without a reload");
    await signInUI(page, ADA, { from: null });
    await urlMatches(page, new RegExp(`${here}$`), "signing in returns to the workspace page");
    await visible(page.getByRole("heading", { level: 1, name: new RegExp(WORKSPACE.name) }), "the workspace page");
    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});

test("signed out in another tab: the next navigation asks to sign in, then returns", { timeout: 60_000 }, async () => {
  const ada = await newContext(browser, { label: "ada", allow });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    // The marketplace has no live updates: the next request finds out.
    await open(page, "/marketplace");

    const other = await context.newPage();
    await open(other, "/");
    await signOutUI(other);
    await other.close();

    // A client-side navigation in the first tab.
    await page.getByRole("link", { name: /^workspaces$/i }).filter({ visible: true }).first().click();
    await urlMatches(page, /\/login\?next=%2Fworkspaces$/, "the next request finds the session gone: /login?next=/workspaces", T.page);
    await signInUI(page, ADA, { from: null });
    await urlMatches(page, /\/workspaces$/, "signing in returns to /workspaces");
    await visible(page.getByRole("heading", { level: 1, name: /workspaces/i }), "the workspaces page");
    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});
