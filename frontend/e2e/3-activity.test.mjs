// 4. A second account on the dashboard sees the activity feed update live
// when the first renames the shared workspace.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, BOB, WORKSPACE, T,
  apiAs, apiSignIn, assertClean, ensureMember, ensureWorkspace, firstVisible, gql, launch, newContext, open,
  settled, textMatches, visible,
} from "./lib.mjs";

const RENAMED = "Acme Renamed";
let browser;
let ws;

before(async () => {
  browser = await launch();
  ws = await ensureWorkspace(browser);
  await ensureMember(browser, ws, BOB);
});
after(async () => {
  // Put the name back for the tests after this one.
  const ada = ws && browser ? await apiAs(browser, ADA).catch(() => null) : null;
  if (ada) {
    await gql(ada, `mutation($input: UpdateWorkspaceInput!) { updateWorkspace(input: $input) { workspace { id } } }`, {
      input: { id: ws.id, name: WORKSPACE.name },
    }).catch(() => {});
    await ada.close();
  }
  await browser?.close();
});

test("the dashboard's activity feed updates live in another account's browser", { timeout: 60_000 }, async () => {
  const bob = await newContext(browser, { label: "bob" });
  const ada = await newContext(browser, { label: "ada" });
  try {
    await apiSignIn(bob.context, BOB);
    await apiSignIn(ada.context, ADA);

    // Bob watches his dashboard.
    await open(bob.page, "/");
    const feed = await firstVisible(
      bob.page,
      [
        bob.page.getByRole("feed"),
        bob.page.getByRole("region", { name: /activity/i }),
        bob.page.getByRole("list", { name: /activity/i }),
      ],
      "the dashboard's activity feed (role feed, or a region/list named \"Activity\")",
      T.page,
    );
    await textMatches(feed, /Acme Shop|invited|joined|created/i, "the activity feed's existing entries");
    await bob.page.evaluate(() => (window.__e2eNoReload = true));

    // Ada renames the workspace on its page.
    await open(ada.page, `/workspaces/${WORKSPACE.slug}`);
    let nameField = ada.page.getByLabel(/^(workspace )?name/i);
    if (!(await nameField.filter({ visible: true }).count())) {
      await (await firstVisible(ada.page, [ada.page.getByRole("button", { name: /rename|edit|settings/i })], "a Rename/Edit button on the workspace page")).click();
    }
    nameField = await visible(ada.page.getByLabel(/^(workspace )?name/i), "the workspace name field");
    await nameField.fill(RENAMED);
    await nameField.locator("xpath=ancestor::form[1]").getByRole("button", { name: /save|rename|update/i }).click();
    await visible(ada.page.getByRole("heading", { level: 1, name: new RegExp(RENAMED) }), "the renamed workspace's h1");

    // Bob sees it without reloading.
    await textMatches(feed, new RegExp(RENAMED), "Bob's activity feed after Ada renamed the workspace", T.page);
    assert.ok(await bob.page.evaluate(() => window.__e2eNoReload === true), "the feed updated without a reload");
    await settled(bob.page);

    assertClean(bob, ada);
  } finally {
    await bob.context.close();
    await ada.context.close();
  }
});

test("a member with the user role is not offered what only admins and owners may do", { timeout: 60_000 }, async () => {
  const bob = await newContext(browser, { label: "bob" });
  try {
    const { page, context } = bob;
    await apiSignIn(context, BOB);
    await open(page, `/workspaces/${WORKSPACE.slug}/team`);
    await visible(page.getByText(ADA.name), "the owner in the member list");
    for (const [what, loc] of [
      ["an Invite button", page.getByRole("button", { name: /invite/i })],
      ["a role selector", page.getByRole("combobox", { name: /role/i })],
      ["a Remove button", page.getByRole("button", { name: /remove/i })],
      ["a Transfer ownership button", page.getByRole("button", { name: /transfer/i })],
    ]) {
      assert.equal(await loc.filter({ visible: true }).count(), 0, `the team page offers a user ${what}`);
    }
    await open(page, `/workspaces/${WORKSPACE.slug}`);
    assert.equal(await page.getByRole("button", { name: /archive/i }).filter({ visible: true }).count(), 0, "the workspace page offers a user Archive");
    assertClean(bob);
  } finally {
    await bob.context.close();
  }
});
