// 1. Register the first account, create a workspace, invite two people:
// one with an account (joins at once), one without (joins on registering).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, BOB, CAROL, WORKSPACE, T,
  apiAs, assertClean, button, gql, launch, newContext, open, registerUI, settled, urlMatches, visible, workspaceBySlug,
} from "./lib.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("register, create a workspace, invite a member and a newcomer", { timeout: 90_000 }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  const carol = await newContext(browser, { label: "carol" });
  try {
    const { page } = ada;

    // The first account: registered through the form, platform admin.
    await registerUI(page, ADA);
    await urlMatches(page, /^(?!.*\/register)/, "registering leaves the register page");
    await settled(page);
    const me = await gql(ada.context, `{ viewer { email platformAdmin } }`);
    assert.deepEqual(me.viewer, { email: ADA.email, platformAdmin: true }, "the first account is signed in and platform admin");

    // Bob already has an account.
    const bob = await apiAs(browser, BOB);
    await bob.close();

    // Create the workspace from the workspaces page.
    await open(page, "/workspaces");
    let nameField = page.getByLabel(/^(workspace )?name/i);
    if (!(await nameField.first().isVisible())) {
      await button(page, /(create|new)( a)? workspace/i).first().click();
    }
    nameField = await visible(page.getByLabel(/^(workspace )?name/i), "the new workspace's name field (label \"Name\" or \"Workspace name\")");
    await nameField.fill(WORKSPACE.name);
    const form = nameField.locator("xpath=ancestor::form[1]");
    await form.getByRole("button", { name: /create/i }).click();
    await visible(page.getByText(WORKSPACE.name, { exact: false }), `the new workspace "${WORKSPACE.name}"`);
    const ws = await workspaceBySlug(ada.context, WORKSPACE.slug);
    assert.ok(ws, `workspace ${WORKSPACE.slug} exists after creating it in the UI`);

    // Its detail page, then its team.
    if (!new RegExp(`/workspaces/${WORKSPACE.slug}$`).test(page.url())) {
      await page.getByRole("link", { name: WORKSPACE.name }).first().click();
      await urlMatches(page, new RegExp(`/workspaces/${WORKSPACE.slug}$`), "the workspace link opens its detail page");
    }
    await visible(page.getByRole("heading", { level: 1, name: new RegExp(WORKSPACE.name) }), "the workspace page's h1 with its name");
    await page.getByRole("link", { name: /^(team|members|manage team)/i }).first().click();
    await urlMatches(page, new RegExp(`/workspaces/${WORKSPACE.slug}/team$`), "the Team link opens the team page");
    await settled(page);

    const invite = async (email) => {
      const emailField = await visible(page.getByLabel(/e-?mail/i), "the invite form's email field (label \"Email\")");
      await emailField.fill(email);
      const role = page.getByLabel(/^role/i);
      if (await role.count()) await role.first().selectOption("user");
      await emailField.locator("xpath=ancestor::form[1]").getByRole("button", { name: /invite/i }).click();
    };

    // Bob has an account: a member at once.
    await invite(BOB.email);
    await visible(page.getByText(BOB.name).or(page.getByText(BOB.email)), "Bob in the member list after inviting him");

    // Carol has none: a pending invitation...
    await invite(CAROL.email);
    await visible(page.getByText(CAROL.email), "Carol's pending invitation (her email) on the team page");

    // ...until she registers.
    await registerUI(carol.page, CAROL);
    await urlMatches(carol.page, /^(?!.*\/register)/, "Carol's registration leaves the register page");
    await open(carol.page, "/workspaces");
    await visible(carol.page.getByRole("link", { name: WORKSPACE.name }), "the shared workspace in Carol's workspace list");

    await page.reload();
    await settled(page);
    await visible(page.getByText(CAROL.name), "Carol as a member on the team page after she registered");

    const members = await gql(ada.context, `query($id: ID!) { node(id: $id) { ... on Workspace { members { edges { node { role user { email } } } } } } }`, { id: ws.id });
    const emails = members.node.members.edges.map((e) => e.node.user.email).sort();
    assert.deepEqual(emails, [ADA.email, BOB.email, CAROL.email].sort(), "the workspace's members");

    assertClean(ada, carol);
  } finally {
    await ada.context.close();
    await carol.context.close();
  }
});

test("wrong password: a readable error, still on the sign-in page", { timeout: 30_000 }, async () => {
  const anon = await newContext(browser, { label: "anon" });
  try {
    const { page } = anon;
    await page.goto("/login");
    await page.getByLabel(/^e-?mail/i).fill(ADA.email);
    await page.getByLabel(/^password/i).first().fill("not-the-password");
    await button(page, /^(sign in|log in)$/i).click();
    await visible(page.getByRole("alert"), "an error (role alert) after a wrong password", T.action);
    assert.match(page.url(), /\/login/);
    assertClean(anon);
  } finally {
    await anon.context.close();
  }
});
