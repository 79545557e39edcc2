// 13. The GraphQL-over-HTTP audit suite of the graphql-http package
// (serverAudits) against the real server's /query: every MUST and SHOULD
// audit passes (gqlserver/transport.go: request errors answer 200 under
// application/json, 400 without a data entry under
// application/graphql-response+json). The MAY audits are printed, not
// required (they pass today too).
import assert from "node:assert/strict";
import { test } from "node:test";
import { serverAudits } from "graphql-http";
import { BASE } from "./lib.mjs";

test("the GraphQL-over-HTTP audits: every MUST and SHOULD passes", { timeout: 60_000 }, async () => {
  const results = [];
  for (const audit of serverAudits({ url: `${BASE}/query` })) {
    results.push(await audit.fn());
  }
  const failed = [];
  for (const r of results) {
    const line = `${r.status.padEnd(6)} ${r.id} ${r.name}${r.status === "ok" ? "" : `: ${r.reason}`}`;
    console.log(line);
    if (r.status !== "ok" && /^(MUST|SHOULD)\b/.test(r.name)) failed.push(line);
  }
  assert.ok(results.length > 30, `serverAudits returned ${results.length} audits`);
  assert.deepEqual(failed, [], "MUST and SHOULD audits that fail");
});
