// Fails when src/gql/ is not what `npm run codegen` would write now: the
// generated operation types are committed, so a changed schema or operation
// must come with them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const out = mkdtempSync(join(tmpdir(), "woow-codegen-"));
try {
  execFileSync("npx", ["graphql-codegen", "--config", "codegen.ts", "--silent"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CODEGEN_OUT: out + "/" },
  });
  const want = readdirSync(out).sort();
  const have = readdirSync("src/gql").sort();
  const stale = [...new Set([...want, ...have])].filter((f) => {
    try {
      return readFileSync(join(out, f), "utf8") !== readFileSync(join("src/gql", f), "utf8");
    } catch {
      return true;
    }
  });
  if (stale.length) {
    console.error(`src/gql is stale (${stale.join(", ")}): run \`npm run codegen\` in frontend/ and commit the result.`);
    process.exit(1);
  }
  console.log("src/gql is current");
} finally {
  rmSync(out, { recursive: true, force: true });
}
