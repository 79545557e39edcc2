#!/usr/bin/env node
// End-to-end tests: starts the real server (the Go binary with the SPA
// embedded) on a fresh SQLite database in dry-run mode, then runs every
// e2e/*.test.mjs with node's test runner, one file after another, against
// it. The browser is Debian's Chromium driven by playwright-core; nothing
// is downloaded.
//
//   npm run e2e                      (after `make build`: ../woow)
//   WOOW_BIN=/path/to/woow npm run e2e
//   E2E_SCREENSHOTS=/tmp/shots npm run e2e   (PNGs of every page, both themes, both widths)
//   E2E_ONLY=graphiql npm run e2e            (only the test files whose name contains it)
//
// The server gets a fresh data dir, the test chart's directory as its only
// WOOW_CHART_DIRS entry, no SMTP (no e-mail), its own address as
// WOOW_PUBLIC_URL (the base of the invitation links the tests follow), and
// a fake Cloudflare API (tunnels/cffake/cmd/cffake, built with `go build`
// into the temp dir unless CFFAKE_BIN names a binary) as its
// WOOW_CLOUDFLARE_* settings; the tests reach the fake's control endpoints
// at E2E_CFFAKE_URL. A fake OpenAI-compatible provider (llm/llmfake/cmd/llmfake,
// built the same way unless LLMFAKE_BIN names a binary) runs too: the tests
// get its base URL as E2E_LLMFAKE_URL and add it as an AI provider.
//
// Environment: WOOW_BIN, CFFAKE_BIN, LLMFAKE_BIN, CHROMIUM (default /usr/bin/chromium),
// E2E_SCREENSHOTS, E2E_ONLY, E2E_TIMEOUT_MS (whole run, default 600000),
// E2E_SERVER_LOG (copy the server's log there).
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeChart } from "./chart.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const frontendDir = resolve(here, "..");
const bin = resolve(frontendDir, process.env.WOOW_BIN ?? "../woow");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const totalTimeout = Number(process.env.E2E_TIMEOUT_MS ?? 600_000);

function fail(msg) {
  console.error(`e2e: ${msg}`);
  process.exit(1);
}

if (!existsSync(bin)) fail(`no server binary at ${bin}: run \`make build\` in the repository root, or set WOOW_BIN`);
if (!existsSync(chromium)) fail(`no Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM`);

const tmp = mkdtempSync(join(tmpdir(), "woow-e2e-"));
const dataDir = join(tmp, "data");
// The server reads local charts only inside WOOW_CHART_DIRS: this directory,
// which holds the test chart and nothing else.
const chartsDir = join(tmp, "charts");
const chartDir = join(chartsDir, "e2e-web");
writeChart(chartDir);

let server = null;
let cffake = null;
let llmfake = null;
let tests = null;
const logTail = [];
let logFile = process.env.E2E_SERVER_LOG ? createWriteStream(process.env.E2E_SERVER_LOG) : null;
let cleaning = null;

function killGroup(child, sig) {
  try {
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
      // gone
    }
  }
}

/** Stops the tests and the server, removes the temp dir; once, however often called. */
function cleanup() {
  cleaning ??= (async () => {
    if (tests && tests.exitCode === null && tests.signalCode === null) {
      // The test runner and its browsers: their own process group.
      const exited = new Promise((r) => tests.once("exit", r));
      killGroup(tests, "SIGTERM");
      const ok = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
      if (!ok) killGroup(tests, "SIGKILL");
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once("exit", () => r(true)));
      server.kill("SIGTERM");
      const ok = await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!ok) {
        server.kill("SIGKILL");
        await exited;
      }
    }
    for (const fake of [cffake, llmfake]) {
      if (!fake || fake.exitCode !== null || fake.signalCode !== null) continue;
      const exited = new Promise((r) => fake.once("exit", () => r(true)));
      fake.kill("SIGTERM");
      const ok = await Promise.race([exited, new Promise((r) => setTimeout(() => r(false), 3000))]);
      if (!ok) fake.kill("SIGKILL");
    }
    logFile?.end();
    rmSync(tmp, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

const hardStop = setTimeout(async () => {
  console.error(`e2e: the run took longer than ${totalTimeout} ms; stopping`);
  printLogTail();
  await cleanup();
  process.exit(1);
}, totalTimeout);
hardStop.unref();

let printed = false;
/** The server's warnings and errors, and its last lines. */
function printLogTail() {
  if (printed || !logTail.length) return;
  printed = true;
  const last = logTail.slice(-8);
  const bad = logTail.filter((l) => /"level":"(WARN|ERROR)"/.test(l) && !last.includes(l)).slice(-30);
  console.error("--- server log: warnings and errors, then the last lines ---");
  for (const l of [...bad, ...last]) console.error(l);
  console.error("---");
}

/** A free port on 127.0.0.1 (the server's links need its address before it starts). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Builds a fake (`go build -o <temp dir>/<name> <pkg>`, unless the binary
 * named by the environment variable `binEnv` is given), starts it and
 * resolves with the one JSON line it prints on stdout.
 */
async function startFake({ name, pkg, binEnv, what, onSpawn }) {
  let fakeBin = process.env[binEnv] ? resolve(frontendDir, process.env[binEnv]) : "";
  if (!fakeBin) {
    fakeBin = join(tmp, name);
    const built = spawnSync("go", ["build", "-o", fakeBin, pkg], {
      cwd: resolve(frontendDir, ".."),
      stdio: ["ignore", "inherit", "inherit"],
    });
    if (built.error || built.status !== 0) {
      throw new Error(`building ${what} (go build ${pkg}) failed${built.error ? `: ${built.error.message}` : ""}; or set ${binEnv}`);
    }
  }
  const child = spawn(fakeBin, [], { cwd: tmp, stdio: ["ignore", "pipe", "inherit"] });
  onSpawn(child);
  return new Promise((resolveInfo, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} printed nothing within 20 s`)), 20_000);
    let buf = "";
    child.stdout.on("data", (chunk) => {
      buf += chunk.toString();
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      try {
        resolveInfo(JSON.parse(buf.slice(0, nl)));
      } catch (err) {
        reject(new Error(`${what} printed ${buf.slice(0, nl)}: ${err.message}`));
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (code ${code}, signal ${signal})`));
    });
  });
}

/** The fake Cloudflare API: resolves with {url, token, account, zone}. */
function startCloudflareFake() {
  return startFake({
    name: "cffake",
    pkg: "./tunnels/cffake/cmd/cffake",
    binEnv: "CFFAKE_BIN",
    what: "the fake Cloudflare API",
    onSpawn: (c) => (cffake = c),
  });
}

/** The fake OpenAI-compatible provider: resolves with {url} (its base URL, …/v1). */
function startLLMFake() {
  return startFake({
    name: "llmfake",
    pkg: "./llm/llmfake/cmd/llmfake",
    binEnv: "LLMFAKE_BIN",
    what: "the fake AI provider",
    onSpawn: (c) => (llmfake = c),
  });
}

/**
 * Starts the server on a free port; resolves with its base URL once
 * /readyz answers. The server makes invitation links from WOOW_PUBLIC_URL;
 * without SMTP it defaults to the bound address, but it is required as soon
 * as WOOW_SMTP_URL is set, so it is set here always, naming the real port.
 */
async function startServer(cf) {
  const addr = `127.0.0.1:${await freePort()}`;
  server = spawn(bin, ["serve"], {
    cwd: tmp,
    env: {
      ...process.env,
      WOOW_ADDR: addr,
      WOOW_DATA_DIR: dataDir,
      WOOW_LOG_LEVEL: "info",
      WOOW_CHART_DIRS: chartsDir,
      // The base of invitation and reset links: the server's own address.
      WOOW_PUBLIC_URL: `http://${addr}`,
      // No e-mail: invitations are shared by link, no address gets confirmed,
      // and password reset and e-mail confirmation say e-mail is not set up.
      WOOW_SMTP_URL: "",
      // Never a real cluster: dry-run mode.
      WOOW_KUBECONFIG: "",
      WOOW_KUBE_CONTEXT: "",
      WOOW_KUBE_IN_CLUSTER: "",
      DATABASE_URL: "",
      // Smart homes: tunnels and DNS records in the fake Cloudflare API.
      WOOW_CLOUDFLARE_API_URL: cf.url,
      WOOW_CLOUDFLARE_API_TOKEN: cf.token,
      WOOW_CLOUDFLARE_ACCOUNT_ID: cf.account,
      WOOW_CLOUDFLARE_ZONE_ID: cf.zone,
      WOOW_CLOUDFLARE_RATE_LIMIT: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const listening = await new Promise((resolveAddr, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not log \"listening\" within 30 s")), 30_000);
    let buf = "";
    const onData = (chunk) => {
      logFile?.write(chunk);
      buf += chunk.toString();
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        logTail.push(line);
        if (logTail.length > 400) logTail.shift();
        let rec;
        try {
          rec = JSON.parse(line); // slog's JSON handler
        } catch {
          continue;
        }
        if (rec.msg === "listening" && rec.addr) {
          clearTimeout(timer);
          resolveAddr(rec.addr);
        }
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (code ${code}, signal ${signal}) before listening`));
    });
  });
  const base = `http://${listening}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${base}/readyz did not answer 200 within 20 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return base;
}

async function main() {
  let base;
  let cf;
  let llm;
  try {
    cf = await startCloudflareFake();
    llm = await startLLMFake();
    base = await startServer(cf);
  } catch (err) {
    console.error(`e2e: ${err.message}`);
    printLogTail();
    await cleanup();
    process.exit(1);
  }
  console.log(`e2e: server ${bin} at ${base}, data in ${dataDir}, fake Cloudflare API at ${cf.url}, fake AI provider at ${llm.url}`);

  const only = process.env.E2E_ONLY;
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".test.mjs") && (!only || f.includes(only)))
    .sort()
    .map((f) => join(here, f));
  if (!files.length) {
    await cleanup();
    fail(`no test files${only ? ` matching ${only}` : ""}`);
  }

  const code = await new Promise((resolveCode) => {
    tests = spawn(
      process.execPath,
      ["--test", "--test-concurrency=1", "--test-force-exit", "--test-reporter=spec", ...files],
      {
        cwd: frontendDir,
        stdio: "inherit",
        detached: true, // a process group of its own, so that a timeout ends its browsers too
        env: { ...process.env, E2E_BASE_URL: base, E2E_CHART_DIR: chartDir, E2E_TMP: tmp, CHROMIUM: chromium, E2E_CFFAKE_URL: cf.url.replace(/\/client\/v4$/, ""), E2E_LLMFAKE_URL: llm.url },
      },
    );
    tests.once("exit", (c, sig) => resolveCode(c ?? (sig ? 1 : 0)));
  });
  if (code !== 0) printLogTail();
  if (server.exitCode !== null) console.error(`e2e: the server exited early (code ${server.exitCode})`);
  await cleanup();
  process.exit(code);
}

main();
