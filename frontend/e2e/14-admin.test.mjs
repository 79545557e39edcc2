// 14. The platform admin's screens: Users (make admin, disable, each
// confirmed, and what it does to the account at once) and Templates
// (create one with its value specs as a form, deactivate it).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, DAN, T,
  apiAs, apiSignIn, assertClean, button, confirmDialog, gql, launch, newContext, open, settled, textMatches, visible, waitFor,
} from "./lib.mjs";

let browser;

before(async () => {
  browser = await launch();
  // Dan exists (registered here if no test before did).
  await (await apiAs(browser, ADA)).close();
  await (await apiAs(browser, DAN)).close();
});
after(async () => {
  await browser?.close();
});

/** Dan's row in the users table, found by the search box. */
async function dansRow(page) {
  await page.getByLabel("Search users").fill("dan@");
  const row = page.getByRole("row").filter({ hasText: DAN.email });
  await visible(row, "Dan's row in the users table");
  return row;
}

test("Users: make an account admin and back, disable it (its session ends at once) and enable it", { timeout: 90_000 }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  const dan = await apiAs(browser, DAN);
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    await open(page, "/admin/users");
    await visible(page.getByRole("heading", { level: 1, name: "Users" }), "the Users page");

    let row = await dansRow(page);
    await button(row, "Make admin").click();
    await confirmDialog(page, "Make admin");
    await waitFor(async () => (await gql(dan, `{ viewer { platformAdmin } }`)).viewer.platformAdmin === true, { what: "Dan to be a platform admin" });
    row = await dansRow(page);
    await button(row, "Remove admin").click();
    await confirmDialog(page, "Remove admin");
    await waitFor(async () => (await gql(dan, `{ viewer { platformAdmin } }`)).viewer.platformAdmin === false, { what: "Dan to be a platform admin no more" });

    row = await dansRow(page);
    await button(row, "Disable").click();
    await confirmDialog(page, "Disable");
    await textMatches(row, /Disabled/, "Dan's row says disabled");
    // His session ended at once, and he cannot sign in again.
    // (viewer is null for nobody signed in.)
    const who = await gql(dan, `{ viewer { id } }`).then((d) => (d.viewer ? "signed in" : "nobody"), (e) => e.code);
    assert.ok(who === "nobody" || who === "UNAUTHENTICATED", `a disabled account's session no longer works (${who})`);
    const again = await gql(dan, `mutation E2ELogin($input: LoginInput!) { login(input: $input) { user { id } } }`, {
      input: { email: DAN.email, password: DAN.password },
    }).then(() => "OK", (e) => e.code);
    assert.notEqual(again, "OK", "a disabled account cannot sign in");

    await button(row, "Enable").click();
    await confirmDialog(page, "Enable");
    await textMatches(row, /Active/, "Dan's row says active again");
    await apiSignIn(dan, DAN); // signs in again
    await settled(page);
    assertClean(ada);
  } finally {
    await dan.close();
    await ada.context.close();
  }
});

test("Templates: create a template with value specs as a form, then deactivate it", { timeout: 90_000 }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);
    await open(page, "/admin/templates");
    await button(page, "New template").click();
    await page.getByLabel("Name", { exact: true }).fill("E2E Admin App");
    await page.getByLabel("Slug").fill("e2e-admin-app");
    await page.getByLabel("Chart", { exact: true }).fill(process.env.E2E_CHART_DIR);
    await button(page, "Add a value").click();
    const value = page.getByRole("group", { name: "Value 1" });
    await value.getByLabel("Key").fill("replicaCount");
    await value.getByLabel("Label").fill("Replicas");
    await value.getByLabel("Type").selectOption("number");
    await value.getByLabel("Max").fill("3");
    await button(page, "Create template").click();

    const row = page.getByRole("row").filter({ hasText: "E2E Admin App" });
    await visible(row, "the new template in the list", T.page);
    const d = await gql(context, `query E2EAdminTpl($slug: String!) { appTemplate(slug: $slug) { active valueSpecs { optional { key type max } } } }`, { slug: "e2e-admin-app" });
    assert.deepEqual(d.appTemplate.valueSpecs.optional, [{ key: "replicaCount", type: "number", max: 3 }], "the value spec as entered");
    assert.equal(d.appTemplate.active, true);

    await button(row, "Deactivate").click();
    await textMatches(row, /Inactive/, "the template's row says inactive");
    await waitFor(async () => {
      const t = await gql(context, `query E2EAdminTpl2($slug: String!) { appTemplate(slug: $slug) { active } }`, { slug: "e2e-admin-app" });
      return t.appTemplate.active === false;
    }, { what: "the template to be inactive" });
    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});
