import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type Config, loadConfig, SUBGRAPH_NAMES } from "../subgraphs/lib/config";
import { createLogger } from "../subgraphs/lib/logger";
import { failStartup, warnUnknownVariables } from "../subgraphs/lib/startup";

// `npm run start:distributed`: the distributed layout on one machine, built once, as four processes
// (the three subgraphs, then the gateway once they are ready), sharing one GATEWAY_SECRET (the
// configured one, or one made for this run). Ctrl-C (SIGINT) or SIGTERM stops them all, each
// draining as it does on its own; if one of them dies, the others are stopped too and this exits 1.

const logger = createLogger("distributed");
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  failStartup(logger, "the distributed layout", error);
}
warnUnknownVariables(logger);

const env = { ...process.env, GATEWAY_SECRET: config.gatewaySecret ?? randomBytes(24).toString("base64url") };
const children = new Map<string, ChildProcess>();
let stopping = false;
let failed = false;

function start(name: string, script: string, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [join(__dirname, "..", script), ...args], { env, stdio: "inherit" });
  children.set(name, child);
  child.once("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      logger.error(`${name} exited (${signal ?? `code ${code}`}); stopping the others`);
      failed = true;
      stopAll();
    } else if (code !== 0) {
      failed = true;
    }
    if (children.size === 0) process.exit(failed ? 1 : 0);
  });
  return child;
}

function stopAll(): void {
  stopping = true;
  for (const child of children.values()) child.kill("SIGTERM");
}

async function ready(url: string, name: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(new URL("/health/ready", url), { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!stopping) throw new Error(`the ${name} subgraph did not become ready within 120 s`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stopAll);

async function main(settings: Config): Promise<void> {
  for (const name of SUBGRAPH_NAMES) start(name, join("subgraphs", name, "main.js"));
  await Promise.all(SUBGRAPH_NAMES.map((name) => ready(settings.subgraphs[name].url, name)));
  if (stopping) return;
  start("gateway", join("gateway", "main.js"), ["--gateway-only"]);
}

main(config).catch((error: unknown) => {
  logger.error(`could not start the distributed layout: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
  stopAll();
});
