// 10. Smart homes against the fake Cloudflare API (run.mjs starts
// tunnels/cffake/cmd/cffake and points the server at it): the workspace
// owner adds a home on the workspace page, watches it become active, makes
// its tunnel look connected (the fake's POST /_fake/connect) and refreshes
// the status, reveals the tunnel token (not read before the click) and sees
// exactly the token the fake issued, then deletes the home.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, T,
  apiSignIn, assertClean, button, confirmDialog, ensureWorkspace, gql, launch, newContext, open, settled, textMatches,
  urlMatches, visible, waitFor,
} from "./lib.mjs";

const CF = process.env.E2E_CFFAKE_URL ?? "";
const NAME = "Beach house";
let browser;
let ws;

before(async () => {
  browser = await launch();
  ws = await ensureWorkspace(browser);
});
after(async () => {
  await browser?.close();
});

/** The fake's live tunnels: [{id, name, token, connectors}]. */
async function fakeTunnels() {
  const res = await fetch(`${CF}/_fake/tunnels`);
  assert.ok(res.ok, `GET /_fake/tunnels: ${res.status}`);
  return (await res.json()).tunnels;
}

test("add a smart home, see it active and connected, reveal the fake's token, delete it", { timeout: 150_000, skip: !CF && "no fake Cloudflare API (E2E_CFFAKE_URL)" }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    // Every GraphQL request that asks for the token, with when it was made.
    const tokenReads = [];
    page.on("request", (req) => {
      if (req.method() === "POST" && /\/query$/.test(new URL(req.url()).pathname) && (req.postData() ?? "").includes("tunnelToken")) {
        tokenReads.push(req.postData());
      }
    });
    page.on("websocket", (wsock) => {
      wsock.on("framesent", (f) => {
        if (typeof f.payload === "string" && f.payload.includes("tunnelToken")) tokenReads.push(f.payload);
      });
    });

    // The workspace page's Smart homes section and its form.
    await open(page, `/workspaces/${encodeURIComponent(ws.slug)}`);
    const section = await visible(page.getByRole("region", { name: "Smart homes" }), "the Smart homes section (a region named \"Smart homes\")");
    await (await visible(button(section, "Add smart home"), "the Add smart home button")).click();
    const form = await visible(page.getByRole("form", { name: "Add smart home" }), "the Add smart home form");
    const port = form.getByLabel(/^home assistant port/i);
    assert.equal(await port.inputValue(), "8123", "the Home Assistant port defaults to 8123");
    await form.getByLabel(/^name/i).fill(NAME);
    await button(form, "Add smart home").click();

    // The home's page: pending, provisioning, then active (the job runner polls about once a second).
    await urlMatches(page, /\/workspaces\/[^/]+\/smart-homes\/[^/?#]+$/, "adding opens the smart home's page");
    const homeId = decodeURIComponent(page.url().match(/\/smart-homes\/([^/?#]+)/)[1]);
    await visible(page.getByRole("heading", { level: 1, name: NAME }), "the smart home page's h1 with its name", T.page);
    await page.evaluate(() => (window.__e2eNoReload = true));
    await textMatches(page.getByTestId("state-badge"), /^active$/i, "the state badge", T.deploy);
    assert.ok(await page.evaluate(() => window.__e2eNoReload === true), "the page reached active without a reload");

    const { node } = await gql(context, `query E2EHome($id: ID!) { node(id: $id) { ... on SmartHome { tunnelID subdomain state } } }`, { id: homeId });
    assert.equal(node.state, "active");
    assert.ok(node.tunnelID, "the active home has a tunnel id");
    const link = await visible(page.getByRole("link", { name: new RegExp(node.subdomain.replace(/\./g, "\\.")) }), "the host name as a link once active");
    assert.equal(await link.getAttribute("href"), `https://${node.subdomain}`);
    await visible(page.getByRole("region", { name: "Home Assistant setup" }), "the Home Assistant setup help");
    await textMatches(page.getByRole("region", { name: "Home Assistant setup" }), /use_x_forwarded_for: true[\s\S]*400: Bad Request/, "the setup help");

    // A cloudflared connects (the fake's control endpoint); Refresh status reads it.
    const res = await fetch(`${CF}/_fake/connect?tunnel=${encodeURIComponent(node.tunnelID)}`, { method: "POST" });
    assert.equal(res.status, 200, "POST /_fake/connect");
    const { connector_id: connectorId } = await res.json();
    await button(page, "Refresh status").click();
    await textMatches(page.getByRole("region", { name: "Overview" }), new RegExp(`Connected: connector ${connectorId}, cloudflared [^,]*linux_amd64[^,]*, since`), "the tunnel status after Refresh status", T.page);

    // The token: not read until asked for, then exactly the fake's.
    await settled(page);
    assert.deepEqual(tokenReads, [], "no request read the tunnel token before Reveal token");
    await button(page, "Reveal token").click();
    const field = await visible(page.getByRole("region", { name: "Tunnel token" }).locator("input"), "the tunnel token field");
    assert.equal(await field.getAttribute("type"), "password", "the token is masked at first");
    await button(page, /^show$/i).click();
    assert.equal(await field.getAttribute("type"), "text", "Show unmasks the token");
    const fake = (await fakeTunnels()).find((t) => t.id === node.tunnelID);
    assert.ok(fake?.token, "the fake holds the home's tunnel and its token");
    assert.equal(await field.inputValue(), fake.token, "the revealed token is the one the fake Cloudflare issued");
    await visible(button(page, "Copy token"), "the Copy token button");
    assert.equal(tokenReads.length, 1, "Reveal token read the token once");

    // Delete, confirmed; the page says when it is done.
    await button(page, /^delete$/i).click();
    await confirmDialog(page, "Delete smart home");
    await textMatches(page.getByTestId("state-badge"), /^deleted$/i, "the state badge after Delete", T.deploy);
    await visible(page.getByText(/This smart home was deleted/), "the deleted notice");
    await waitFor(async () => !(await fakeTunnels()).some((t) => t.id === node.tunnelID), { what: "the tunnel to be gone from the fake" });

    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});
