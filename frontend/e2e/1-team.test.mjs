// 1. Register the first account, create a workspace, invite two people.
// Nobody joins by being invited: Bob (who has an account) follows the link
// and accepts (his address is not confirmed, the e2e server sends no
// e-mail, so his dashboard does not list the invitation); Carol (who has
// none) gets the copied link, registers through it and accepts.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, BASE, BOB, CAROL, WORKSPACE, T,
  apiSignIn, assertClean, button, ensureWorkspace, gql, launch, newContext, open, registerUI, settled, textMatches,
  urlMatches, visible, workspaceBySlug,
} from "./lib.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const membersQuery = `query($id: ID!) { node(id: $id) { ... on Workspace { members { edges { node { role user { email } } } } } } }`;

async function memberEmails(context, ws) {
  const d = await gql(context, membersQuery, { id: ws.id });
  return d.node.members.edges.map((e) => e.node.user.email).sort();
}

/** Fills the team page's invite form and sends it. */
async function inviteUI(page, email, role = "user") {
  const form = page.getByRole("form", { name: "Invite someone" });
  const emailField = await visible(form.getByLabel(/e-?mail/i), "the invite form's email field (label \"Email\")");
  await emailField.fill(email);
  await form.getByLabel(/^role/i).selectOption(role);
  await form.getByRole("button", { name: /^invite$/i }).click();
}

test("register, create a workspace, invite an account: he joins only when he accepts, through the link", { timeout: 90_000 }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  const bob = await newContext(browser, { label: "bob" });
  try {
    const { page } = ada;

    // The first account: registered through the form, platform admin.
    await registerUI(page, ADA);
    await urlMatches(page, /^(?!.*\/register)/, "registering leaves the register page");
    await settled(page);
    const me = await gql(ada.context, `{ viewer { email platformAdmin } }`);
    assert.deepEqual(me.viewer, { email: ADA.email, platformAdmin: true }, "the first account is signed in and platform admin");

    // Bob already has an account.
    await apiSignIn(bob.context, BOB);

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

    // Inviting Bob makes an invitation, not a member.
    await inviteUI(page, BOB.email);
    await visible(page.getByText(/They join only after accepting it/), "the invite result saying Bob joins only after accepting");
    const bobLink = await (await visible(page.getByRole("textbox", { name: `Invitation link for ${BOB.email}` }), "the invitation link to share")).inputValue();
    const pendingList = page.getByRole("region", { name: /pending invitations/i });
    const bobRow = await visible(pendingList.getByRole("listitem").filter({ hasText: BOB.email }), "Bob's pending invitation on the team page");
    await textMatches(bobRow, /Status:\s*Pending/, "Bob's invitation is pending");
    assert.deepEqual(await memberEmails(ada.context, ws), [ADA.email], "Bob is not a member before accepting");

    // Bob's address is not confirmed (no e-mail here): his dashboard does
    // not list the invitation; the link Ada shares is his way in.
    await open(bob.page, "/");
    assert.equal(await bob.page.getByRole("region", { name: /you are invited/i }).count(), 0, "an unconfirmed address lists no invitation on the dashboard");
    const bobsView = await gql(bob.context, `{ viewer { emailVerifiedAt pendingInvitations { id } } }`);
    assert.deepEqual(bobsView.viewer, { emailVerifiedAt: null, pendingInvitations: [] }, "the server lists no invitation to an unconfirmed address");
    await bob.page.goto(bobLink, { waitUntil: "domcontentloaded" });
    await visible(bob.page.getByRole("heading", { level: 1, name: `Join ${WORKSPACE.name}` }), "the invitation page for the signed-in Bob");
    await textMatches(bob.page.locator("main"), new RegExp(`${ADA.name} invited you[\\s\\S]*Signed in as ${BOB.name}`), "who invited Bob, and as whom he answers");
    await (await visible(bob.page.getByRole("button", { name: "Accept" }), "the Accept button")).click();
    await urlMatches(bob.page, new RegExp(`/workspaces/${WORKSPACE.slug}$`), "accepting opens the workspace");
    await visible(bob.page.getByRole("heading", { level: 1, name: new RegExp(WORKSPACE.name) }), "the workspace's page for Bob");

    await page.reload();
    await settled(page);
    await visible(page.getByRole("region", { name: /^members/i }).getByText(BOB.name), "Bob as a member on the team page after accepting");
    assert.deepEqual(await memberEmails(ada.context, ws), [ADA.email, BOB.email].sort(), "the workspace's members");

    assertClean(ada, bob);
  } finally {
    await ada.context.close();
    await bob.context.close();
  }
});

test("invite a new address: copy the link, register through it, accept, land in the workspace", { timeout: 90_000 }, async () => {
  const ws = await ensureWorkspace(browser);
  const ada = await newContext(browser, { label: "ada" });
  const carol = await newContext(browser, { label: "carol" });
  try {
    const { page, context } = ada;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
    await apiSignIn(context, ADA);
    await open(page, `/workspaces/${WORKSPACE.slug}/team`);

    // Ada invites Carol's address and copies the link.
    await inviteUI(page, CAROL.email, "user");
    const linkField = await visible(page.getByRole("textbox", { name: `Invitation link for ${CAROL.email}` }), "Carol's invitation link");
    const shown = await linkField.inputValue();
    assert.match(shown, new RegExp(`^${BASE}/invitation#token=[^&]+$`), "the link is the server's /invitation page, the token in the fragment");
    await page.getByRole("button", { name: "Copy link" }).click();
    await visible(page.getByText("Copied to the clipboard."), "the Copy link confirmation");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, shown, "the clipboard holds the link");

    // Carol has no account: she opens the link and sees the invitation.
    await carol.page.goto(link, { waitUntil: "domcontentloaded" });
    await visible(carol.page.getByRole("heading", { level: 1, name: `Join ${WORKSPACE.name}` }), "the invitation page's heading");
    await textMatches(carol.page.locator("main"), new RegExp(`${ADA.name} invited you`), "who invited Carol");
    await textMatches(carol.page.locator("main"), new RegExp(CAROL.email.replace(/\./g, "\\.")), "the address it was sent to");
    await carol.page.getByRole("link", { name: "Create an account" }).click();
    await urlMatches(carol.page, /\/register\?next=%2Finvitation$/, "Create an account keeps the way back, without the token");

    // She registers, comes back to the invitation and accepts.
    await registerUI(carol.page, CAROL, { from: null });
    await urlMatches(carol.page, /\/invitation$/, "registering returns to the invitation");
    await (await visible(carol.page.getByRole("button", { name: "Accept" }), "the Accept button for the signed-in Carol")).click();
    await urlMatches(carol.page, new RegExp(`/workspaces/${WORKSPACE.slug}$`), "accepting opens the workspace");
    await visible(carol.page.getByRole("heading", { level: 1, name: new RegExp(WORKSPACE.name) }), "the workspace's page for Carol");
    await open(carol.page, "/workspaces");
    await visible(carol.page.getByRole("link", { name: WORKSPACE.name }), "the shared workspace in Carol's workspace list");

    // The token reached the server in GraphQL bodies only, never in a URL.
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get("token");
    assert.ok(!carol.requests.some((u) => u.includes(token)), "no request URL carries the invitation token");

    // The link worked once.
    await carol.page.goto(link, { waitUntil: "domcontentloaded" });
    await visible(carol.page.getByRole("heading", { level: 1, name: /does not work any more/i }), "a used link says so");

    await page.reload();
    await settled(page);
    await visible(page.getByRole("region", { name: /^members/i }).getByText(CAROL.name), "Carol as a member on the team page");
    assert.equal(await page.getByRole("region", { name: /pending invitations/i }).getByText(CAROL.email).count(), 0, "Carol's invitation is no longer pending");
    const emails = await memberEmails(context, ws);
    assert.ok(emails.includes(CAROL.email), `Carol is a member (members: ${emails.join(", ")})`);

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
