// 7. Forgotten password. The e2e server sends no e-mail: the forgot-password
// page says that reset by e-mail is not set up; a reset link that is not
// valid says so and offers to ask for a new one.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ADA, assertClean, launch, newContext, settled, textMatches, urlMatches, visible } from "./lib.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("forgot password: from the sign-in page; the server without e-mail says so", { timeout: 45_000 }, async () => {
  const anon = await newContext(browser, { label: "anon" });
  try {
    const { page } = anon;
    await page.goto("/login", { waitUntil: "domcontentloaded" });
    await (await visible(page.getByLabel(/^e-?mail/i), "the sign-in email field")).fill(ADA.email);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await urlMatches(page, /\/forgot-password$/, "the link opens /forgot-password");
    await visible(page.getByRole("heading", { level: 1, name: "Reset your password" }), "the forgot-password page");
    const email = page.getByLabel(/^e-?mail/i);
    assert.equal(await email.inputValue(), ADA.email, "the address typed on the sign-in page is kept");
    await page.getByRole("button", { name: "Send reset link" }).click();
    const alert = await visible(page.getByRole("alert"), "the refusal (role alert)");
    await textMatches(alert, /not set up on this server/i, "the message that password reset by e-mail is not set up");
    assert.equal(await page.getByText(/we sent a link/i).count(), 0, "no claim that a link was sent");
    assertClean(anon);
  } finally {
    await anon.context.close();
  }
});

test("reset password: a link that is not valid says so", { timeout: 45_000 }, async () => {
  const anon = await newContext(browser, { label: "anon" });
  try {
    const { page, requests } = anon;
    await page.goto("/reset-password#token=not-a-real-token", { waitUntil: "domcontentloaded" });
    await visible(page.getByRole("heading", { level: 1, name: "Choose a new password" }), "the reset page");
    await page.getByLabel("New password", { exact: true }).fill("another-Passw0rd-long");
    await page.getByLabel("Confirm new password").fill("another-Passw0rd-long");
    await page.getByRole("button", { name: "Set new password" }).click();
    const alert = await visible(page.getByRole("alert"), "the invalid link's message");
    await textMatches(alert, /not valid any more/i, "the message that the reset link is not valid");
    await visible(alert.getByRole("link", { name: "Ask for a new link" }), "the way to ask for a new link");
    await settled(page);
    assert.ok(!requests.some((u) => u.includes("not-a-real-token")), "the token is in no request's URL");
    assertClean(anon);
  } finally {
    await anon.context.close();
  }
});
