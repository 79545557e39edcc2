// 7. GraphiQL at /graphiql works offline with the session: it loads nothing
// from other hosts, runs `{ viewer { email } }` and shows the email.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ADA, BASE_HOST, T, apiSignIn, assertClean, launch, newContext, settled, sleep, textMatches, visible, waitFor } from "./lib.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const QUERY = "{ viewer { email } }";

/** The query editor's text (Monaco renders lines with non-breaking spaces). */
async function editorText(page) {
  const ed = page.locator(".graphiql-query-editor");
  return (await ed.innerText().catch(() => "")).replace(/\u00a0/g, " ");
}

test("GraphiQL loads offline, runs { viewer { email } } with the session", { timeout: 60_000 }, async () => {
  const ada = await newContext(browser, { label: "graphiql" });
  try {
    const { page, context, requests } = ada;
    await apiSignIn(context, ADA);
    await page.goto("/graphiql", { waitUntil: "domcontentloaded" });
    await settled(page);
    await visible(page.locator(".graphiql-query-editor .monaco-editor"), "GraphiQL's query editor (.graphiql-query-editor, Monaco)", T.page);
    await visible(page.locator(".graphiql-query-editor .view-lines"), "the query editor's text", T.page);

    // Replace the query: select all, then type (closing brackets typed over).
    await page.locator(".graphiql-query-editor textarea").first().focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type(QUERY, { delay: 15 });
    await page.keyboard.press("Escape"); // an open autocomplete list
    await waitFor(async () => (await editorText(page)).replace(/\s+/g, " ").includes(QUERY), {
      what: `the editor to hold ${QUERY}`,
    }).catch(async () => assert.fail(`the query editor shows ${JSON.stringify(await editorText(page))}, want ${QUERY}`));

    await page.getByRole("button", { name: /execute query|run query/i }).first().click();
    await textMatches(page.locator(".graphiql-response"), new RegExp(ADA.email.replace(/\./g, "\\.")), "GraphiQL's response", T.page);
    await sleep(300);

    const elsewhere = requests.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).host !== BASE_HOST);
    assert.deepEqual(elsewhere, [], "requests to other hosts");
    assert.ok(requests.some((u) => u.includes("/query")), "GraphiQL asked the server");
    assertClean(ada);
  } finally {
    await ada.context.close();
  }
});
