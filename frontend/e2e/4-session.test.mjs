// 5. Session expiry: the app sends you to sign in, then back where you were.
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

test("signed out in another tab: the next navigation asks to sign in, then returns", { timeout: 60_000 }, async () => {
  const ada = await newContext(browser, { label: "ada", allow });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    await open(page, `/workspaces/${WORKSPACE.slug}`);

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
