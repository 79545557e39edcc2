// 2. Deploy an app from the marketplace through the generated form and
// watch it reach running in the live log. 3. Stop, start, upgrade (a second
// revision), roll back to revision 1, delete.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, T,
  apiAs, apiDeploy, apiSignIn, assertClean, button, confirmDialog, deployLog, ensureTemplate, ensureWorkspace,
  firstVisible, launch, newContext, open, openServiceTab, serviceById, settled, sleep, textMatches, urlMatches,
  visible, waitFor,
} from "./lib.mjs";

const NAME = "shop-web";
let browser;
let ws;
let serviceId = null;

before(async () => {
  browser = await launch();
  ws = await ensureWorkspace(browser);
  await ensureTemplate(browser);
});
after(async () => {
  await browser?.close();
});

/** Occurrences of re in the deploy log. */
async function count(page, re) {
  const text = await deployLog(page).first().innerText().catch(() => "");
  return (text.match(new RegExp(re.source, "gi")) ?? []).length;
}

async function waitState(api, state, what) {
  return waitFor(async () => (await serviceById(api, serviceId))?.state === state, { timeout: T.deploy, what });
}

test("deploy from the marketplace through the generated form; the live log reaches running", { timeout: 120_000 }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);

    // Marketplace: search narrows the cards.
    await open(page, "/marketplace");
    await visible(page.getByText("PostgreSQL").first(), "the seeded PostgreSQL card");
    const search = await firstVisible(page, [page.getByRole("searchbox"), page.getByLabel(/search/i)], "the marketplace search box (role searchbox or label \"Search\")");
    await search.fill("e2e");
    await waitFor(async () => !(await page.getByText("PostgreSQL", { exact: true }).filter({ visible: true }).count()), { what: "the search to hide PostgreSQL" });
    const card = await firstVisible(
      page,
      [page.getByRole("link", { name: /e2e web/i }), page.getByRole("link", { name: /deploy|configure/i })],
      "a link to configure the E2E Web template",
    );
    await card.click();
    await urlMatches(page, /\/marketplace\/e2e-web$/, "the card opens the configure page");
    await settled(page);

    // The generated form: required marks, defaults.
    const name = await visible(page.getByLabel(/^(service )?name/i), "the service name field (label \"Name\" or \"Service name\")");
    const title = await visible(page.getByLabel(/^site title/i), "the required text value \"Site title\"");
    const password = await visible(page.getByLabel(/^admin password/i), "the required password value \"Admin password\"");
    for (const [what, f] of [["Site title", title], ["Admin password", password]]) {
      assert.ok(await f.evaluate((el) => el.required || el.getAttribute("aria-required") === "true"), `${what} is marked required`);
    }
    assert.equal(await password.getAttribute("type"), "password", "a password value is a password input");
    const replicas = page.getByLabel(/^replicas/i);
    if (await replicas.count()) assert.equal(await replicas.first().inputValue(), "1", "the Replicas default");
    else await firstVisible(page, [page.getByText(/optional|advanced/i)], "the optional values (Replicas) or a control revealing them");
    const tier = page.getByLabel(/^tier/i);
    if (await tier.count()) assert.equal(await tier.first().inputValue(), "small", "the Tier default");

    // The server's refusal shows at its field: the required title left empty.
    await name.fill(NAME);
    await password.fill("s3cret-Value-1");
    await button(page, /^deploy/i).click();
    await waitFor(async () => (await title.getAttribute("aria-invalid")) === "true", { what: "Site title to be marked invalid (aria-invalid) after deploying without it" });
    const describedBy = (await title.getAttribute("aria-describedby")) ?? "";
    const fieldError = await page.evaluate((ids) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? "").join(" "), describedBy);
    assert.match(fieldError, /required/i, "the error at Site title (aria-describedby) says it is required");
    assert.match(page.url(), /\/marketplace\/e2e-web$/, "a refused deploy stays on the form");

    await title.fill("E2E shop");
    if (!(await password.inputValue())) await password.fill("s3cret-Value-1");
    await button(page, /^deploy/i).click();

    await urlMatches(page, /\/services\/[^/]+/, "deploying lands on the service page", T.page);
    serviceId = decodeURIComponent(page.url().match(/\/services\/([^/?#]+)/)[1]);
    await page.evaluate(() => (window.__e2eNoReload = true));
    await visible(page.getByRole("heading", { level: 1, name: new RegExp(NAME) }), "the service page's h1 with the service name");
    await visible(page.getByText(/dry-run/i), "the dry-run mode notice");

    const log = await visible(deployLog(page), "the deploy log (role log, or a region named \"…log\")");
    await textMatches(log, /running/i, "the deploy log", T.deploy);
    await textMatches(log, /deploying[\s\S]*running/i, "the deploy log: deploying, then running");
    assert.ok(await page.evaluate(() => window.__e2eNoReload === true), "the log reached running without a reload");
    await visible(button(page, /^stop/i), "the Stop button once running");
    assert.equal((await serviceById(context, serviceId)).state, "running");

    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});

test("stop, start, upgrade, roll back to revision 1, delete", { timeout: 150_000 }, async () => {
  if (!serviceId) serviceId = await apiDeploy(browser, ws, NAME); // the deploy test failed: set up through the API
  const ada = await newContext(browser, { label: "ada" });
  const api = await apiAs(browser, ADA);
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    await open(page, `/services/${encodeURIComponent(serviceId)}`);
    const log = await visible(deployLog(page), "the deploy log");
    await page.evaluate(() => (window.__e2eNoReload = true));

    // Stop.
    await (await visible(button(page, /^stop/i), "the Stop button")).click();
    // Stop asks first (issue 17 item 7).
    await confirmDialog(page, /^stop/i);
    await textMatches(log, /stopped/i, "the deploy log after Stop", T.deploy);
    await visible(button(page, /^start/i), "the Start button once stopped", T.deploy);
    await waitState(api, "stopped", "the service to be stopped");

    // Start.
    const runningBefore = await count(page, /running/);
    await button(page, /^start/i).click();
    await waitFor(async () => (await count(page, /running/)) > runningBefore, { timeout: T.deploy, what: "a new \"running\" line in the deploy log after Start" });
    await visible(button(page, /^stop/i), "the Stop button once running again", T.deploy);
    await waitState(api, "running", "the service to run again");
    assert.ok(await page.evaluate(() => window.__e2eNoReload === true), "stop and start showed without a reload");

    // Upgrade a value: a second revision, after looking at the diff.
    await openServiceTab(page, /^(configuration|config|values|settings)/i);
    const replicas = await visible(page.getByLabel(/^replicas/i), "the Replicas field on the configuration tab");
    await replicas.fill("2");
    await (await firstVisible(page, [button(page, /review|upgrade|apply|save/i)], "the button that reviews/applies the new values")).click();
    const dialog = page.getByRole("dialog").filter({ visible: true });
    await waitFor(async () => (await dialog.count()) > 0 || (await page.getByText(/replicaCount|Replicas/).filter({ visible: true }).count()) > 1, { what: "the values diff" });
    if (await dialog.count()) {
      await textMatches(dialog, /replica/i, "the values diff in the upgrade dialog");
      await textMatches(dialog, /\b1\b[\s\S]*\b2\b/, "the old (1) and new (2) value in the diff");
      await dialog.getByRole("button", { name: /upgrade|apply|confirm|deploy/i }).click();
    } else {
      await button(page, /^(upgrade|confirm|apply)/i).click();
    }
    await waitFor(async () => {
      const s = await serviceById(api, serviceId);
      return s.helmRevision === 2 && s.state === "running";
    }, { timeout: T.deploy, what: "revision 2, running" });

    // Roll back to revision 1.
    await openServiceTab(page, /^(revisions|history)/i);
    const rowOf1 = page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^(#|rev(ision)? )?1$/i }) });
    const rollback = await firstVisible(
      page,
      [button(page, /roll ?back to revision 1\b/i), rowOf1.getByRole("button", { name: /roll ?back/i })],
      "the Roll back button of revision 1 (aria-label \"Roll back to revision 1\", or in the table row of revision 1)",
    );
    await rollback.click();
    await confirmDialog(page, /roll ?back/i);
    await waitFor(async () => {
      const s = await serviceById(api, serviceId);
      return s.helmRevision === 3 && s.state === "running";
    }, { timeout: T.deploy, what: "revision 3 (the rollback), running" });
    const after = await serviceById(api, serviceId);
    assert.notEqual(String(after.values.replicaCount ?? "1"), "2", `the rollback restored revision 1's values (values now ${JSON.stringify(after.values)})`);
    await visible(page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^(#|rev(ision)? )?3$/i }) }), "revision 3 in the revisions table", T.page);

    // Delete, confirming by typing the name.
    await (await visible(button(page, /^delete/i), "the Delete button")).click();
    const del = await visible(page.getByRole("dialog"), "the delete confirmation dialog");
    const confirmBtn = del.getByRole("button", { name: /delete/i });
    assert.ok(await confirmBtn.isDisabled(), "Delete stays disabled until the name is typed");
    await (await visible(del.getByRole("textbox"), "the type-the-name field")).fill(NAME);
    await confirmBtn.click();
    await urlMatches(page, /^(?!.*\/services\/)/, "deleting navigates away from the service page", T.deploy);
    // The workspace page says it happened (issue 17 item 7).
    await visible(page.getByRole("status").filter({ hasText: `${NAME} was deleted` }), "the notice that the service was deleted", T.page);
    await waitFor(async () => {
      const s = await serviceById(api, serviceId).catch(() => null);
      return !s || s.state === "gone";
    }, { timeout: T.deploy, what: "the service to be gone" });
    await settled(page);
    await sleep(300);
    assert.equal(await page.getByText(NAME, { exact: true }).filter({ visible: true }).count(), 0, `${NAME} is no longer listed`);

    assertClean(ada);
  } finally {
    await ada.context.close();
    await api.close();
  }
});
