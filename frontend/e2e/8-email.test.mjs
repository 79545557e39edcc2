// 8. Confirming the account's address. The e2e server sends no e-mail: a
// confirmation link that is not valid says so (the token in no request's
// URL), and Settings shows the address unconfirmed, with the server's
// answer "e-mail is not set up on this server" when asked for a link.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DAN, apiSignIn, assertClean, gql, launch, newContext, settled, textMatches, urlMatches, visible } from "./lib.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Shaped like a real token (43 characters of base64url), so the server looks it up.
const BOGUS = "A".repeat(21) + "-" + "b".repeat(21);

test("a confirmation link that is not valid says so, and offers a new link after signing in", { timeout: 45_000 }, async () => {
  const anon = await newContext(browser, { label: "anon" });
  try {
    const { page, requests } = anon;
    await page.goto(`/verify-email#token=${BOGUS}`, { waitUntil: "domcontentloaded" });
    await visible(page.getByRole("heading", { level: 1, name: "This confirmation link does not work" }), "the invalid link's page");
    await textMatches(page.getByRole("alert"), /not valid any more/i, "the message that the link is not valid");
    const signIn = await visible(page.getByRole("link", { name: "Sign in to ask for a new link" }), "the way to a new link");
    assert.equal(await signIn.getAttribute("href"), "/login?next=%2Fsettings", "signing in leads to Settings, without the token");
    await settled(page);
    assert.ok(!requests.some((u) => u.includes(BOGUS)), "the token is in no request's URL");
    assertClean(anon);
  } finally {
    await anon.context.close();
  }
});

test("Settings: the address is not confirmed; asking for a link, the server without e-mail says so", { timeout: 45_000 }, async () => {
  const dan = await newContext(browser, { label: "dan" });
  try {
    const { page, context } = dan;
    await apiSignIn(context, DAN);
    const me = await gql(context, `{ viewer { emailVerifiedAt } }`);
    assert.equal(me.viewer.emailVerifiedAt, null, "a new account's address is not confirmed (no e-mail here)");

    await page.goto("/settings", { waitUntil: "domcontentloaded" });
    const group = await visible(page.getByRole("group", { name: "Email confirmation" }), "the email confirmation part of Settings");
    await textMatches(group, /Not confirmed/, "the unconfirmed state");
    await textMatches(group, new RegExp(DAN.email.replace(/\./g, "\\.")), "the address in question");
    await group.getByRole("button", { name: "Send a confirmation link" }).click();
    const alert = await visible(group.getByRole("alert"), "the server's answer (role alert)");
    await textMatches(alert, /e-mail is not set up on this server/i, "the message that e-mail is not set up");
    assert.equal(await group.getByText(/we sent a link/i).count(), 0, "no claim that a link was sent");

    // The same from the page of a link that does not work, signed in.
    await page.goto(`/verify-email#token=${BOGUS}`, { waitUntil: "domcontentloaded" });
    await visible(page.getByRole("heading", { level: 1, name: "This confirmation link does not work" }), "the invalid link's page, signed in");
    await (await visible(page.getByRole("button", { name: "Send a new link" }), "the Send a new link button")).click();
    await textMatches(page.getByRole("alert").last(), /e-mail is not set up on this server/i, "the same answer on the link's page");
    await page.getByRole("link", { name: "Go to your dashboard" }).click();
    await urlMatches(page, /\/$/, "the way back to the dashboard");
    await settled(page);
    assertClean(dan);
  } finally {
    await dan.context.close();
  }
});
