// 5. Every page (the OAuth consent and device pages too) at 360 px (phone) in both themes: no horizontal overflow;
// the bottom navigation shows and the sidebar hides on the phone, the other
// way round on a desktop; the dark theme is dark. With E2E_SCREENSHOTS=<dir>,
// a PNG of every page in light and dark at 1280x800 and 360x740.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  ADA, SHOTS, WORKSPACE,
  apiAs, apiDeploy, apiInvite, apiSignIn, ensureTemplate, ensureWorkspace, gql, launch, newContext, overflow, settled, sleep,
} from "./lib.mjs";

let browser;
let serviceId;
let smartHomeId;
let templateSlug;
/** An invitation link's path and fragment (a pending invitation, on Ada's team page too). */
let invitationPath;

before(async () => {
  browser = await launch();
  const ws = await ensureWorkspace(browser);
  templateSlug = (await ensureTemplate(browser)).slug;
  serviceId = await apiDeploy(browser, ws, "screens-web");
  const ada = await apiAs(browser, ADA);
  smartHomeId = (
    await gql(ada, `mutation E2ELayoutHome($input: CreateSmartHomeInput!) { createSmartHome(input: $input) { smartHome { id } } }`, {
      input: { workspaceId: ws.id, name: "Layout house with a rather long name" },
    })
  ).createSmartHome.smartHome.id;
  await ada.close();
  const link = new URL(await apiInvite(browser, ws, "layout@example.test", "guest"));
  invitationPath = link.pathname + link.hash;
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
});

function signedOut() {
  return [
    ["sign-in", "/login"],
    ["register", "/register"],
    ["forgot-password", "/forgot-password"],
    ["reset-password", "/reset-password#token=layout-check"],
    ["verify-email", "/verify-email#token=layout-check"],
    ["invitation", invitationPath],
  ];
}
/** A consent page the server accepts: the Home Assistant client, its callback path, PKCE S256. */
function consentPath() {
  const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
  const q = new URLSearchParams({
    response_type: "code",
    client_id: "woow-ha-smart-home",
    redirect_uri: "http://homeassistant.local:8123/auth/external/woow/callback",
    scope: "workspace:read smarthome:read smarthome:tunnel security-access:read security-access:tunnel",
    state: "layout-check",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `/oauth2/authorize?${q}`;
}

function signedIn() {
  const svc = `/services/${encodeURIComponent(serviceId)}`;
  return [
    ["dashboard", "/"],
    ["workspaces", "/workspaces"],
    ["workspace", `/workspaces/${WORKSPACE.slug}`],
    ["team", `/workspaces/${WORKSPACE.slug}/team`],
    ["marketplace", "/marketplace"],
    ["configure", `/marketplace/${templateSlug}`],
    ["service", svc],
    ["smart-home", `/workspaces/${WORKSPACE.slug}/smart-homes/${encodeURIComponent(smartHomeId)}`],
    ["settings", "/settings"],
    ["oauth-consent", consentPath()],
    ["device", "/device?user_code=BCDF-GHJK"],
    ["invitation-signed-in", invitationPath],
    ["verify-email-signed-in", "/verify-email#token=layout-check"],
    ["not-found", "/no/such/page"],
    ["graphiql", "/graphiql"],
  ];
}

const sizes = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
};

async function shot(page, name) {
  if (!SHOTS) return;
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
}

/** The service page's tabs (role tab, or links in a navigation inside main). */
async function serviceTabs(page) {
  let tabs = page.locator("main").getByRole("tab");
  if (!(await tabs.count())) tabs = page.locator("main").getByRole("navigation").getByRole("link");
  const names = [];
  for (let i = 0; i < (await tabs.count()); i++) names.push((await tabs.nth(i).innerText()).trim());
  return { tabs, names };
}

/** Visits every page in one size and theme; returns the failures. */
async function visitAll(size, colorScheme, { only } = {}) {
  const failures = [];
  const viewport = sizes[size];
  const ctx = await newContext(browser, { viewport, colorScheme, label: `${size}/${colorScheme}` });
  const { page, context } = ctx;
  const check = async (name) => {
    const o = await overflow(page);
    if (!o.ok) failures.push(`${name} (${size}, ${colorScheme}): scrollWidth ${o.scrollWidth} > ${o.innerWidth}; wide: ${o.offenders.join(", ")}`);
    await shot(page, `${name}-${size}-${colorScheme}`);
  };
  const visit = async (name, path) => {
    await page.goto(path, { waitUntil: "domcontentloaded" });
    await settled(page);
    await sleep(150);
    await check(name);
  };
  try {
    for (const [name, path] of signedOut()) if (!only || only.includes(name)) await visit(name, path);
    await apiSignIn(context, ADA);
    for (const [name, path] of signedIn()) {
      if (only && !only.includes(name)) continue;
      await visit(name, path);
      if (name === "dashboard") {
        // The shell: bottom navigation on a phone, sidebar on a desktop.
        const sidebar = page.getByRole("complementary", { name: "Main" });
        const bottom = page.getByRole("navigation", { name: "Main" });
        const phone = size === "phone";
        const [sv, bv] = [await sidebar.isVisible().catch(() => false), await bottom.filter({ visible: true }).count()];
        if (phone && (sv || !bv)) failures.push(`phone: sidebar visible=${sv}, bottom navigation visible=${bv > 0}; want the bottom navigation only`);
        if (!phone && (!sv || (await page.locator(".bottom-nav").isVisible().catch(() => false)))) failures.push(`desktop: want the sidebar and no bottom navigation`);
        if (colorScheme === "dark") {
          const lum = await page.evaluate(() => {
            const bg = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [255, 255, 255];
            return (0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2]) / 255;
          });
          if (lum > 0.35) failures.push(`dark theme: the body's background is light (luminance ${lum.toFixed(2)})`);
        }
      }
      if (name === "service") {
        const { tabs, names } = await serviceTabs(page);
        for (let i = 0; i < names.length; i++) {
          await tabs.nth(i).click();
          await settled(page);
          await sleep(150);
          await check(`service-${names[i].toLowerCase().replace(/[^a-z0-9]+/g, "-")}`);
        }
      }
    }
    if (ctx.problems.length) failures.push(...ctx.problems);
  } finally {
    await context.close();
  }
  return failures;
}

// Every page at 360 px in the dark theme; with screenshots, in light too.
test("phone (360 px), dark theme: every page without horizontal overflow, bottom navigation, dark is dark", { timeout: 240_000 }, async () => {
  const failures = await visitAll("phone", "dark");
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("phone (360 px), light theme" + (SHOTS ? ": every page" : ": the dashboard"), { timeout: 240_000 }, async () => {
  const failures = await visitAll("phone", "light", { only: SHOTS ? undefined : ["dashboard"] });
  assert.deepEqual(failures, [], failures.join("\n"));
});

test("desktop (1280 px): the sidebar, no bottom navigation" + (SHOTS ? "; every page in both themes" : ""), { timeout: 240_000 }, async () => {
  const failures = SHOTS
    ? [...(await visitAll("desktop", "light")), ...(await visitAll("desktop", "dark"))]
    : await visitAll("desktop", "light", { only: ["dashboard"] });
  assert.deepEqual(failures, [], failures.join("\n"));
});
