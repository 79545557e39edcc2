// 12. The Kanban board, live: Ada (owner) and Bob (user) open the same
// board in two browsers; Ada adds a task and moves it to "In progress" by
// keyboard, drags a second one there; Bob sees each change within a second
// without a reload; Bob renames a task and Ada sees it; Eve (a guest) sees
// the board without edit controls, and at phone width the page does not
// scroll sideways.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ADA, BOB, PASSWORD, T,
  apiAs, apiSignIn, assertClean, button, ensureMember, ensureWorkspace, gql, launch, newContext, open, overflow, visible, waitFor,
} from "./lib.mjs";

const EVE = { name: "Eve Guest", email: "eve-board@example.test", password: PASSWORD };
const LIVE_MS = 1000;
let browser;
let ws;
let projectId;

before(async () => {
  browser = await launch();
  ws = await ensureWorkspace(browser);
  await ensureMember(browser, ws, BOB, "user");
  await ensureMember(browser, ws, EVE, "guest");
  const ada = await apiAs(browser, ADA);
  try {
    const d = await gql(ada, `mutation E2EProject($input: CreateProjectInput!) { createProject(input: $input) { project { id stages { name } } } }`, {
      input: { workspaceId: ws.id, name: `Launch board ${Date.now()}`, description: "Tasks for the launch" },
    });
    projectId = d.createProject.project.id;
    assert.deepEqual(d.createProject.project.stages.map((s) => s.name), ["To do", "In progress", "Done"]);
  } finally {
    await ada.close();
  }
});
after(async () => {
  await browser?.close();
});

const column = (page, name) => page.getByRole("list", { name: `${name} tasks` });
const card = (page, stage, title) => column(page, stage).getByRole("listitem", { name: title });

/** Waits until the locator shows, and says how long it took. */
async function within(locator, what, ms) {
  const t0 = Date.now();
  await locator.waitFor({ state: "visible", timeout: Math.max(ms, 1) + 4000 });
  const took = Date.now() - t0;
  assert.ok(took <= ms, `${what} took ${took} ms (at most ${ms} ms)`);
  return took;
}

async function taskState(context, id) {
  const d = await gql(context, `query E2ETask($id: ID!) { node(id: $id) { ... on Task { title stage { name } } } }`, { id });
  return d.node;
}

test("two members see each other's board changes live; a guest only looks", { timeout: 150_000 }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  const bob = await newContext(browser, { label: "bob" });
  const eve = await newContext(browser, { label: "eve", viewport: { width: 360, height: 740 } });
  try {
    await apiSignIn(ada.context, ADA);
    await apiSignIn(bob.context, BOB);
    await apiSignIn(eve.context, EVE);
    const path = `/projects/${encodeURIComponent(projectId)}`;
    await open(ada.page, path);
    await open(bob.page, path);
    for (const p of [ada.page, bob.page]) await visible(column(p, "To do"), "the To do column's task list");
    await bob.page.evaluate(() => (window.__e2eNoReload = true));
    // Give both subscriptions a moment to be live on the server.
    await ada.page.waitForTimeout(500);

    // Ada adds a task at the bottom of "To do".
    const TITLE = "Write the launch post";
    await button(ada.page, "Add task to To do").click();
    await ada.page.getByLabel("Task title").fill(TITLE);
    await button(ada.page.getByRole("form", { name: "New task in To do" }), "Add task").click();
    await visible(card(ada.page, "To do", TITLE), "Ada's new card in To do");
    await within(card(bob.page, "To do", TITLE), "Bob seeing the new task", LIVE_MS);

    // Ada moves it to "In progress" with the keyboard (Alt+Right on the focused card).
    await card(ada.page, "To do", TITLE).focus();
    await ada.page.keyboard.press("Alt+ArrowRight");
    await visible(card(ada.page, "In progress", TITLE), "the card in In progress on Ada's board");
    await within(card(bob.page, "In progress", TITLE), "Bob seeing the keyboard move", LIVE_MS);
    assert.equal(await card(bob.page, "To do", TITLE).count(), 0, "the card left To do on Bob's board");
    await visible(ada.page.getByRole("status").filter({ hasText: /Moved “Write the launch post” to In progress/ }), "the move announced");
    const idOf = async () => {
      const d = await gql(ada.context, `query E2EBoard($id: ID!) { node(id: $id) { ... on Project { stages { name tasks { id title } } } } }`, { id: projectId });
      return d.node.stages.flatMap((s) => s.tasks).find((t) => t.title === TITLE)?.id;
    };
    const taskId = await idOf();
    assert.equal((await taskState(ada.context, taskId)).stage.name, "In progress", "the server has the task in In progress");

    // A second task, dragged from "To do" to "In progress" with the pointer.
    const DRAGGED = "Book the venue";
    await ada.page.getByLabel("Task title").fill(DRAGGED);
    await button(ada.page.getByRole("form", { name: "New task in To do" }), "Add task").click();
    await visible(card(ada.page, "To do", DRAGGED), "the second card in To do");
    await within(card(bob.page, "To do", DRAGGED), "Bob seeing the second task", LIVE_MS);
    const from = await card(ada.page, "To do", DRAGGED).boundingBox();
    const to = await column(ada.page, "In progress").boundingBox();
    assert.ok(from && to, "the card and the target column are on screen");
    await ada.page.mouse.move(from.x + from.width / 2, from.y + 12);
    await ada.page.mouse.down();
    const steps = 12;
    for (let i = 1; i <= steps; i++) {
      await ada.page.mouse.move(
        from.x + from.width / 2 + ((to.x + to.width / 2 - from.x - from.width / 2) * i) / steps,
        from.y + 12 + ((to.y + to.height - 8 - from.y - 12) * i) / steps,
      );
      await ada.page.waitForTimeout(30);
    }
    await ada.page.mouse.up();
    await visible(card(ada.page, "In progress", DRAGGED), "the dragged card in In progress on Ada's board");
    await within(card(bob.page, "In progress", DRAGGED), "Bob seeing the drag", LIVE_MS);

    // Bob renames the first task in its detail; Ada sees the new title.
    const RENAMED = "Write and publish the launch post";
    await card(bob.page, "In progress", TITLE).getByRole("button", { name: TITLE }).click();
    const dialog = await visible(bob.page.getByRole("dialog"), "the task detail dialog");
    await dialog.getByLabel(/^title/i).fill(RENAMED);
    await button(dialog, "Save task").click();
    await visible(dialog.getByRole("status").filter({ hasText: "Saved." }), "the task saved");
    await within(card(ada.page, "In progress", RENAMED), "Ada seeing Bob's new title", LIVE_MS);
    await visible(dialog.getByRole("region", { name: "Chat" }), "the task's chat in its detail");
    await button(dialog, "Close").click();
    assert.ok(await bob.page.evaluate(() => window.__e2eNoReload === true), "Bob's page was not reloaded");

    // Eve, a guest: the board without edit controls, at phone width.
    await open(eve.page, path);
    await visible(card(eve.page, "In progress", RENAMED), "the renamed card on the guest's board");
    assert.equal(await eve.page.getByRole("button", { name: /^add task/i }).count(), 0, "no Add task for a guest");
    assert.equal(await eve.page.getByRole("button", { name: /^move (left|right|up|down)$/i }).count(), 0, "no move buttons for a guest");
    assert.equal(await eve.page.getByRole("button", { name: /add stage/i }).count(), 0, "no Add stage for a guest");
    await card(eve.page, "In progress", RENAMED).getByRole("button", { name: RENAMED }).click();
    const guestDialog = await visible(eve.page.getByRole("dialog"), "the task detail for the guest");
    assert.equal(await guestDialog.getByRole("button", { name: "Save task" }).count(), 0, "no Save task for a guest");
    assert.equal(await guestDialog.getByRole("textbox").count(), 0, "no text fields for a guest");
    await button(guestDialog, "Close").click();
    const o = await overflow(eve.page);
    assert.ok(o.ok, `the board page scrolls sideways at 360 px (scrollWidth ${o.scrollWidth}): ${o.offenders.join(", ")}`);

    await waitFor(async () => (await taskState(ada.context, taskId)).title === RENAMED, { what: "the server to have the new title", timeout: T.action });
    assertClean(ada, bob, eve);
  } finally {
    await ada.context.close();
    await bob.context.close();
    await eve.context.close();
  }
});
