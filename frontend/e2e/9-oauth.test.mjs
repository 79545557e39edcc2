// 9. OAuth as the Home Assistant integration makes a user go through it.
// Authorization code with PKCE: the integration opens /oauth2/authorize
// while the user is signed out; sign-in comes back to it; the consent page
// names the client and where the browser goes; Approve lands on the
// integration's callback with a code and the same state, and the code
// (with the verifier) buys a bearer token. Deny lands there with
// error=access_denied. The device flow: the user code's page
// (verification_uri_complete) in the signed-in browser, Continue, Approve,
// and the device's polling gets its token.
//
// The callback is the user's own Home Assistant, http://127.0.0.1:<port>:
// nothing listens there; the browser's navigation to it is intercepted
// (page.route) and answered with a small page, and the code is read from
// the intercepted URL.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { BASE, PASSWORD, apiSignIn, assertClean, launch, newContext, settled, signInUI, sleep, textMatches, urlMatches, visible } from "./lib.mjs";

/** The account that connects its Home Assistant (registered through the API). */
const HANA = { name: "Hana Smart", email: "hana@example.test", password: PASSWORD };

const CLIENT_ID = "woow-ha-smart-home";
const SCOPE = "workspace:read smarthome:read smarthome:tunnel security-access:read security-access:tunnel";
/** The user's Home Assistant: a port nothing listens on; every request to it is intercepted. */
const HA = "http://127.0.0.1:18123";
const CALLBACK = `${HA}/auth/external/woow/callback`;

let browser;
before(async () => {
  browser = await launch();
  const api = await browser.newContext({ baseURL: BASE });
  try {
    await apiSignIn(api, HANA); // registers Hana
  } finally {
    await api.close();
  }
});
after(async () => {
  await browser?.close();
});

const b64url = (buf) => buf.toString("base64url");

/** A PKCE verifier (RFC 7636: 43–128 characters) and its S256 challenge. */
function pkce() {
  const verifier = b64url(randomBytes(48));
  const challenge = b64url(createHash("sha256").update(verifier).digest());
  return { verifier, challenge };
}

function authorizeURL({ state, challenge }) {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: CALLBACK,
    scope: SCOPE,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `${BASE}/oauth2/authorize?${q}`;
}

/** Intercepts the browser's requests to the Home Assistant; resolves with the callback's URL. */
async function interceptCallback(page) {
  let resolveHit;
  const hit = new Promise((r) => (resolveHit = r));
  await page.route(`${HA}/**`, async (route) => {
    const url = route.request().url();
    if (new URL(url).pathname === "/auth/external/woow/callback") {
      resolveHit(url);
      await route.fulfill({
        status: 200,
        contentType: "text/html",
        body: '<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>Home Assistant</title></head><body><h1>Home Assistant got the answer</h1></body></html>',
      });
    } else {
      await route.fulfill({ status: 404, contentType: "text/plain", body: "" });
    }
  });
  return hit;
}

/** The promise's value, or a failure saying what did not happen in time. */
async function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A form POST to an OAuth endpoint, as a device or the integration makes it; the JSON answer and status. */
async function postForm(path, form) {
  const res = await fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, body };
}

function assertTokenResponse(t, what) {
  assert.equal(t.status, 200, `${what}: the token endpoint answers 200 (${JSON.stringify(t.body)})`);
  assert.equal(typeof t.body.access_token, "string", `${what}: an access_token`);
  assert.ok(t.body.access_token.length > 20, `${what}: a real access token`);
  assert.match(t.body.token_type, /^bearer$/i, `${what}: token_type Bearer`);
  assert.equal(t.body.expires_in, 3600, `${what}: expires_in 3600`);
  assert.equal(typeof t.body.refresh_token, "string", `${what}: a refresh_token`);
  assert.ok(t.body.refresh_token.length > 20, `${what}: a real refresh token`);
  assert.deepEqual(String(t.body.scope).split(" ").sort(), SCOPE.split(" ").sort(), `${what}: the scopes asked for`);
}

/** The consent page: the client's name and the destination host, plainly. */
async function checkConsentPage(page) {
  await visible(page.getByRole("heading", { level: 1, name: /^Allow .*Home Assistant.* to use your account\?$/ }), "the consent page naming the client");
  const note = await visible(page.getByRole("note", { name: "Where your browser goes next" }), "where the browser goes next");
  await textMatches(note, /After you decide, your browser goes to 127\.0\.0\.1:18123/, "the redirect host on the consent page");
  // The Home Assistant's address is the user's own (not registered): the caution shows.
  await textMatches(note, /Approve only if it is your own Home Assistant/, "the caution about an address entered in the app");
}

test("authorization code with PKCE: signed out -> sign in -> consent -> Approve -> the callback with a code and the state -> a bearer token", { timeout: 90_000 }, async () => {
  const ctx = await newContext(browser, { label: "hana" });
  try {
    const { page } = ctx;
    const { verifier, challenge } = pkce();
    const state = b64url(randomBytes(16));
    const callback = interceptCallback(page);

    await page.goto(authorizeURL({ state, challenge }), { waitUntil: "domcontentloaded" });
    await urlMatches(page, /\/login\?next=/, "signed out: the authorize page sends to sign-in");
    const next = new URL(page.url()).searchParams.get("next") ?? "";
    assert.ok(next.startsWith("/oauth2/authorize?"), `next names the authorize page (${next})`);
    assert.ok(next.includes(`state=${state}`) && next.includes(`code_challenge=${challenge}`), "next keeps the whole query string");

    await signInUI(page, HANA, { from: null });
    await urlMatches(page, /\/oauth2\/authorize\?/, "after signing in, back to the authorize page");
    await settled(page);
    await checkConsentPage(page);
    await page.getByRole("button", { name: "Approve" }).click();

    const landed = new URL(await within(callback, 20_000, "the browser to go to the callback"));
    assert.equal(landed.origin + landed.pathname, CALLBACK, "the browser goes to the registered callback");
    assert.equal(landed.searchParams.get("state"), state, "the same state comes back");
    assert.equal(landed.searchParams.get("error"), null, "no error");
    const code = landed.searchParams.get("code");
    assert.ok(code, "a code");
    await urlMatches(page, /^http:\/\/127\.0\.0\.1:18123\/auth\/external\/woow\/callback\?/, "the browser is at the callback");

    const t = await postForm("/oauth2/token", { grant_type: "authorization_code", code, redirect_uri: CALLBACK, client_id: CLIENT_ID, code_verifier: verifier });
    assertTokenResponse(t, "authorization code");

    // The code works once.
    const again = await postForm("/oauth2/token", { grant_type: "authorization_code", code, redirect_uri: CALLBACK, client_id: CLIENT_ID, code_verifier: verifier });
    assert.equal(again.status, 400, "a used code is refused");
    assert.equal(again.body.error, "invalid_grant", "a used code is invalid_grant");

    // Settings lists the connected app.
    await page.goto("/settings", { waitUntil: "domcontentloaded" });
    await settled(page);
    await visible(page.getByRole("list", { name: "Connected apps" }).getByText(/Home Assistant/), "the Home Assistant among the connected apps");
    assertClean(ctx);
  } finally {
    await ctx.context.close();
  }
});

test("Deny: the callback gets error=access_denied and the state", { timeout: 60_000 }, async () => {
  const ctx = await newContext(browser, { label: "hana-deny" });
  try {
    const { page, context } = ctx;
    await apiSignIn(context, HANA);
    const { challenge } = pkce();
    const state = b64url(randomBytes(16));
    const callback = interceptCallback(page);
    await page.goto(authorizeURL({ state, challenge }), { waitUntil: "domcontentloaded" });
    await settled(page);
    await checkConsentPage(page);
    await page.getByRole("button", { name: "Deny" }).click();
    const landed = new URL(await within(callback, 20_000, "the browser to go to the callback"));
    assert.equal(landed.origin + landed.pathname, CALLBACK, "the browser goes to the callback");
    assert.equal(landed.searchParams.get("error"), "access_denied", "error=access_denied");
    assert.equal(landed.searchParams.get("state"), state, "the same state comes back");
    assert.equal(landed.searchParams.get("code"), null, "no code");
    assertClean(ctx);
  } finally {
    await ctx.context.close();
  }
});

test("device flow: the code's page in the signed-in browser, Continue, Approve; the device's polling gets a token", { timeout: 90_000 }, async () => {
  const ctx = await newContext(browser, { label: "hana-device" });
  try {
    const { page, context } = ctx;
    const da = await postForm("/oauth2/device_authorization", { client_id: CLIENT_ID, scope: SCOPE });
    assert.equal(da.status, 200, `device authorization answers 200 (${JSON.stringify(da.body)})`);
    const { device_code: deviceCode, user_code: userCode, verification_uri_complete: complete, interval = 5 } = da.body;
    assert.ok(deviceCode && userCode && complete, "a device code, a user code and the page to enter it");
    assert.match(userCode, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/, "the user code reads XXXX-XXXX");
    const completeURL = new URL(complete);
    assert.equal(completeURL.origin, new URL(BASE).origin, "the verification page is on this server");
    assert.equal(completeURL.pathname, "/device", "the verification page is /device");

    // Before approval, the device is told to wait.
    const pending = await postForm("/oauth2/token", { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: deviceCode, client_id: CLIENT_ID });
    assert.equal(pending.body.error, "authorization_pending", `before approval: authorization_pending (${JSON.stringify(pending.body)})`);

    await apiSignIn(context, HANA);
    await page.goto(completeURL.pathname + completeURL.search, { waitUntil: "domcontentloaded" });
    await settled(page);
    const field = await visible(page.getByLabel("Code"), "the user code field");
    assert.equal(await field.inputValue(), userCode, "the code is prefilled from the link");
    await page.getByRole("button", { name: "Continue" }).click();
    await visible(page.getByRole("heading", { level: 1, name: /^Allow .*Home Assistant.* to use your account\?$/ }), "who asks, on the device page");
    await textMatches(page.getByRole("note"), new RegExp(`shows the code ${userCode}`), "the code to check against the device");
    await page.getByRole("button", { name: "Approve" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Done — return to your device" }), "the done message");

    // The device polls at its interval (slow_down makes it wait longer).
    let wait = Math.max(1, interval) * 1000;
    let t;
    for (let i = 0; i < 6; i++) {
      await sleep(wait);
      t = await postForm("/oauth2/token", { grant_type: "urn:ietf:params:oauth:grant-type:device_code", device_code: deviceCode, client_id: CLIENT_ID });
      if (t.status === 200) break;
      if (t.body.error === "slow_down") wait += 5000;
      else assert.equal(t.body.error, "authorization_pending", `polling: ${JSON.stringify(t.body)}`);
    }
    assertTokenResponse(t, "device code");
    assertClean(ctx);
  } finally {
    await ctx.context.close();
  }
});

test("device page: a code with no pending request says so", { timeout: 45_000 }, async () => {
  const ctx = await newContext(browser, { label: "hana-device-bad" });
  try {
    const { page, context } = ctx;
    await apiSignIn(context, HANA);
    await page.goto("/device", { waitUntil: "domcontentloaded" });
    await settled(page);
    await (await visible(page.getByLabel("Code"), "the user code field")).fill("bcdf-ghjk");
    assert.equal(await page.getByLabel("Code").inputValue(), "BCDF-GHJK", "typed in lower case with a dash: shown as XXXX-XXXX");
    await page.getByRole("button", { name: "Continue" }).click();
    await textMatches(page.getByRole("alert"), /no pending request with this code \(it may have expired\)/i, "the message for an unknown code");
    assertClean(ctx);
  } finally {
    await ctx.context.close();
  }
});
