// 11. The AI assistant against the fake OpenAI-compatible provider (run.mjs
// starts llm/llmfake/cmd/llmfake; its answers follow words in the message:
// "slow 100" waits 100 ms per token, "count 40" answers "w1 … w40", "fail
// 503 provider overloaded" is refused so). The platform admin adds the
// provider on the AI page, tests it (its models listed) and adds an agent;
// in the workspace a thread is started, the agent picked from the @ list
// by keyboard; its answer grows live, survives a reload in the middle
// (the text so far, then the rest, nothing doubled), can be stopped (the
// partial text kept as cancelled) and fails in words with Regenerate
// offered. Script and javascript: links in messages stay inert.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import {
  ADA, T,
  SHOTS, apiSignIn, assertClean, button, ensureWorkspace, launch, newContext, open, overflow, settled, sleep, textMatches, urlMatches, visible, waitFor,
} from "./lib.mjs";

const LLM = process.env.E2E_LLMFAKE_URL ?? "";
const PROVIDER = "Fake LLM";
const AGENT = { handle: "helper", displayName: "Helper Bot" };
let browser;
let ws;

before(async () => {
  browser = await launch();
  ws = await ensureWorkspace(browser);
});
after(async () => {
  await browser?.close();
});

/** "w1 w2 … wN" */
const words = (n) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(" ");

/** The newest answer of an agent in the chat. */
const lastAnswer = (page) => page.locator("li.chat-message-agent").last();
const bodyText = async (li) => ((await li.locator(".chat-body").first().innerText({ timeout: 1000 }).catch(() => "")) ?? "").replace(/\s+/g, " ").trim();

async function waitStatus(li, status, what, timeout = T.page) {
  try {
    await waitFor(async () => (await li.getAttribute("data-status", { timeout: 1000 })) === status, { timeout, what });
  } catch {
    throw new Error(`expected ${what} to reach status ${status}; it is ${await li.getAttribute("data-status").catch(() => "?")}, text ${JSON.stringify(await bodyText(li))}`);
  }
}

async function sendMessage(page, text) {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
  await waitFor(async () => (await box.inputValue()) === "", { what: `the composer to clear after sending ${JSON.stringify(text)}` });
}

test("add a provider and an agent, chat live with Stop, reload mid-answer, errors in words, inert HTML", { timeout: 240_000, skip: !LLM && "no fake AI provider (E2E_LLMFAKE_URL)" }, async () => {
  const ada = await newContext(browser, { label: "ada" });
  try {
    const { page, context } = ada;
    await apiSignIn(context, ADA);

    // The AI page: a provider over the fake, tested.
    await open(page, "/admin/ai");
    const providers = await visible(page.getByRole("region", { name: "AI providers" }), "the AI providers section");
    await button(providers, "Add provider").click();
    const pform = await visible(page.getByRole("form", { name: "Add provider" }), "the Add provider form");
    await pform.getByLabel(/^name/i).fill(PROVIDER);
    await pform.getByLabel(/^base url/i).fill(LLM);
    await pform.getByLabel(/^api key/i).fill("sk-e2e-not-a-real-key");
    await pform.getByLabel(/^default model/i).fill("fake-small");
    await button(pform, "Add provider").click();
    const item = await visible(providers.getByRole("listitem", { name: PROVIDER }), `the provider ${PROVIDER} in the list`);
    await textMatches(item, /Key set/, "the provider's key badge");
    assert.ok(!(await item.innerText()).includes("sk-e2e"), "the key is never shown");
    await button(item, "Test").click();
    const models = await visible(item.getByRole("list", { name: "Models" }), "the models the test found");
    assert.deepEqual((await models.getByRole("listitem").allInnerTexts()).map((s) => s.trim()).sort(), ["fake-large", "fake-small"]);

    // An agent, the default, on fake-small (offered from the test).
    const agents = page.getByRole("region", { name: "AI agents" });
    await button(agents, "Add agent").click();
    const aform = await visible(page.getByRole("form", { name: "Add agent" }), "the Add agent form");
    await aform.getByLabel(/^handle/i).fill(AGENT.handle);
    await aform.getByLabel(/^display name/i).fill(AGENT.displayName);
    await aform.getByLabel(/^system prompt/i).fill("You help with the workspace.");
    await aform.getByLabel(/^provider/i).selectOption({ label: PROVIDER });
    assert.equal(await aform.locator("datalist option").count(), 2, "the model field offers the two tested models");
    await aform.getByLabel(/^model/i).fill("fake-small");
    await aform.getByLabel(/^default agent/i).check();
    await button(aform, "Add agent").click();
    const agentItem = await visible(agents.getByRole("listitem", { name: new RegExp(`${AGENT.displayName}`) }), "the agent in the list");
    await textMatches(agentItem, /Default/, "the agent's default badge");
    await textMatches(agentItem, /fake-small/, "the agent's model");

    // A thread in the workspace.
    await open(page, `/workspaces/${encodeURIComponent(ws.slug)}/assistant`);
    await button(page, "New thread").click();
    const tform = await visible(page.getByRole("form", { name: "New thread" }), "the New thread form");
    await tform.getByLabel(/^title/i).fill("E2E chat");
    await waitFor(async () => /@helper/.test(await tform.getByLabel(/^default agent/i).locator("option:checked").innerText()), { what: "the default agent preselected" });
    await button(tform, "Start thread").click();
    await urlMatches(page, /\/assistant\/[^/?#]+$/, "starting a thread opens it");
    await visible(page.getByRole("heading", { level: 1, name: "E2E chat" }), "the thread's title");

    // @ list by keyboard.
    const box = page.getByRole("textbox", { name: "Message" });
    await box.click();
    await page.keyboard.type("@hel");
    const list = await visible(page.getByRole("listbox", { name: "Agents" }), "the @ agent list");
    const option = list.getByRole("option", { name: /@helper/ });
    assert.equal(await option.getAttribute("aria-selected"), "true", "the first match is active");
    assert.equal(await box.getAttribute("aria-activedescendant"), await option.getAttribute("id"));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    assert.equal(await box.inputValue(), "@helper ", "Enter chose the agent");
    await page.keyboard.type("slow 100 count 40");
    await page.keyboard.press("Enter");

    // The answer grows live; a reload in the middle shows the text so far and goes on.
    let answer = lastAnswer(page);
    await textMatches(answer.locator(".chat-body"), /\bw1\b/, "the answer's first word", T.page);
    await textMatches(answer.locator(".chat-body"), /\bw5\b/, "the answer growing to w5", T.page);
    assert.equal(await answer.getAttribute("data-status"), "streaming");
    assert.ok(await button(answer, "Stop").isVisible(), "Stop is offered while it writes");
    await page.reload({ waitUntil: "domcontentloaded" });
    await visible(page.getByRole("heading", { level: 1, name: "E2E chat" }), "the thread after the reload");
    answer = lastAnswer(page);
    await textMatches(answer.locator(".chat-body"), /^w1 w2 w3 w4 w5\b/, "the text so far after the reload", T.page);
    const afterReload = await answer.getAttribute("data-status");
    assert.equal(afterReload, "streaming", "the answer was still being written after the reload (40 words at 100 ms)");
    await waitStatus(answer, "complete", "the answer", T.page);
    assert.equal(await bodyText(answer), words(40), "the whole answer, nothing doubled");

    // Stop: cancelled, the partial text kept and no longer growing.
    await sendMessage(page, "@helper slow 200 count 60");
    await waitFor(async () => (await page.locator("li.chat-message-agent").count()) >= 2, { what: "the second answer" });
    answer = lastAnswer(page);
    await textMatches(answer.locator(".chat-body"), /\bw3\b/, "the second answer's first words", T.page);
    await button(answer, "Stop").click();
    await waitStatus(answer, "cancelled", "the stopped answer");
    await textMatches(answer.getByTestId("message-status"), /cancelled/i, "the stopped answer's badge");
    const partial = await bodyText(answer);
    assert.match(partial, /^w1 w2 w3\b/, "the partial text is kept");
    assert.ok(!/\bw60\b/.test(partial), "it stopped before the end");
    await sleep(1200);
    assert.equal(await bodyText(answer), partial, "the stopped answer does not grow");
    await visible(button(answer, "Regenerate"), "Regenerate on a cancelled answer");

    // A provider error, in words, with Regenerate.
    await sendMessage(page, "@helper fail 503 provider overloaded");
    await waitFor(async () => (await page.locator("li.chat-message-agent").count()) >= 3, { what: "the third answer" });
    answer = lastAnswer(page);
    await waitStatus(answer, "error", "the refused answer");
    await textMatches(answer, /the provider answered 503: provider overloaded/, "the error in words");
    await visible(button(answer, "Regenerate"), "Regenerate on a failed answer");

    // Hostile HTML stays inert, in the message and in the echo of it.
    await sendMessage(page, 'Inert? <script>window.__pwned = 1</script> [click me](javascript:window.__pwned=2) [also](jav&#x61;script:window.__pwned=3) <b onmouseover="window.__pwned=4">bold</b>');
    await waitFor(async () => (await page.locator("li.chat-message-agent").count()) >= 4, { what: "the echo of the hostile message" });
    answer = lastAnswer(page);
    await waitStatus(answer, "complete", "the echo");
    await settled(page);
    const mine = page.locator("li.chat-message-user").last();
    await textMatches(mine, /Inert\?/, "the hostile message shown");
    for (const [li, who] of [[mine, "the message"], [answer, "the echo"]]) {
      assert.equal(await li.locator("script").count(), 0, `no script element in ${who}`);
      for (const href of await li.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
        assert.ok(!/script:/i.test(href ?? ""), `${who}: a link to ${href}`);
      }
      assert.equal(await li.locator("[onmouseover]").count(), 0, `no event handler attribute in ${who}`);
    }
    await mine.getByText("bold").first().hover();
    // The link lost its href: clicking it goes nowhere.
    await mine.getByText("click me").first().click({ timeout: 2000, noWaitAfter: true }).catch(() => {});
    await sleep(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "nothing ran");

    // A phone: no page of the assistant scrolls sideways.
    const thread = new URL(page.url()).pathname;
    if (SHOTS) await page.screenshot({ path: join(SHOTS, "assistant-thread-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [thread, `/workspaces/${encodeURIComponent(ws.slug)}/assistant`, "/admin/ai"]) {
      await open(page, path);
      if (SHOTS) await page.screenshot({ path: join(SHOTS, `assistant-360${path.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
      const o = await overflow(page);
      assert.ok(o.ok, `${path} at 360 px scrolls sideways (${o.scrollWidth} > ${o.innerWidth}): ${o.offenders.join(", ")}`);
    }

    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});
