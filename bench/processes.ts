import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import { projectRoot } from "../subgraphs/lib/paths";
import { BENCH_ENV } from "./env";

/**
 * What must be undone when the run ends, in reverse order: processes to kill, folders to remove,
 * servers to stop. Runs on success, on error and on SIGINT/SIGTERM; the synchronous part (killing
 * children) also runs on `exit`, so a crash never leaves a subgraph listening.
 */
export class Cleanup {
  private readonly tasks: { label: string; run: () => Promise<void> | void }[] = [];
  private readonly children = new Set<ChildProcess>();
  private done = false;

  constructor() {
    process.once("exit", () => this.killChildren());
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: cleaning up`);
        this.run().finally(() => process.exit(130));
      });
    }
  }

  add(label: string, run: () => Promise<void> | void): void {
    this.tasks.push({ label, run });
  }

  /** Tracks a child process: killed at the end unless it already exited. */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once("exit", () => this.children.delete(child));
  }

  private killChildren(): void {
    for (const child of this.children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }

  async run(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const task of this.tasks.reverse()) {
      try {
        await task.run();
      } catch (error) {
        console.error(`cleanup "${task.label}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.killChildren();
  }
}

/** A port nobody listens on right now (the OS picks it; a tiny race, acceptable for a benchmark). */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A child process of the benchmark with its last output lines (for error messages). */
export interface Service {
  name: string;
  child: ChildProcess;
  /** Base URL (`http://127.0.0.1:port`). */
  base: string;
  /** The GraphQL endpoint. */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node <script>` from the project root with `env`; keeps the last 50 output lines. With
 * BENCH_PROFILE_DIR set, the service writes a V8 CPU profile there when it stops (`--cpu-prof`; load
 * it in Chrome DevTools or read it with any .cpuprofile tool).
 */
export function spawnService(
  cleanup: Cleanup,
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  base: string,
  path = "/graphql",
): Service {
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`, `--cpu-prof-name=${name.replace(/\W+/g, "-")}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, join(projectRoot(), script), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ...BENCH_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanup.track(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split("\n").filter(Boolean));
    if (lines.length > 50) lines.splice(0, lines.length - 50);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    name,
    child,
    base,
    url: `${base}${path}`,
    output: () => lines.join("\n"),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves with the exit code once the process exits (or fails after `ms`). */
export function exitOf(service: Service, ms = 30_000): Promise<number | null> {
  if (service.child.exitCode !== null) return Promise.resolve(service.child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${service.name} still running after ${ms} ms:\n${service.output()}`)), ms);
    service.child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Waits until `probe` resolves true; fails with the service's output if it exits or times out. */
export async function waitFor(service: Service, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}:\n${service.output()}`);
    try {
      if (await probe()) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`${service.name} did not become ready within ${timeoutMs} ms:\n${service.output()}`);
}

/** Ready when `GET <base>/health/ready` answers 200 (the project's services). */
export function healthReady(service: Service): Promise<void> {
  return waitFor(service, async () => (await fetch(`${service.base}/health/ready`)).ok);
}

/** Ready when the GraphQL endpoint answers `{ __typename }` (services without a health route). */
export function graphqlReady(service: Service): Promise<void> {
  return waitFor(service, async () => {
    const response = await fetch(service.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' });
    return response.ok;
  });
}

/** The three subgraphs as separate processes over one data folder. */
export interface DistributedSubgraphs {
  services: Record<SubgraphName, Service>;
  /** Env that points a gateway at them. */
  urls: Record<"INCIDENT_URL" | "ACTOR_URL" | "STATEMENT_URL", string>;
  /** Sum over the three subgraphs of `sql_statements_total` from their `/metrics`. */
  sqlTotal(): Promise<number>;
  /** GraphQL requests the three subgraphs have received (whichever gateway sent them). */
  graphqlRequests(): Promise<number>;
}

const PORT_VARIABLE: Record<SubgraphName, string> = { incident: "INCIDENT_PORT", actor: "ACTOR_PORT", statement: "STATEMENT_PORT" };

/**
 * The sum of a metric's series in one service's Prometheus text (`name` exactly, optionally only the
 * series whose labels contain `labelFilter`); 0 when the service has no such metric.
 */
export async function scrapeMetric(base: string, name: string, labelFilter = ""): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let sum = 0;
  for (const match of text.matchAll(/^(\w+)(\{[^}]*\})?\s+([0-9.e+-]+)\s*$/gm)) {
    if (match[1] === name && (match[2] ?? "").includes(labelFilter)) sum += Number(match[3]);
  }
  return sum;
}

/** Reads `sql_statements_total` from one service's Prometheus text. */
export async function scrapeSqlTotal(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = /^sql_statements_total(?:\{[^}]*\})?\s+([0-9.e+]+)\s*$/m.exec(text);
  if (!match) throw new Error(`${base}/metrics has no sql_statements_total`);
  return Number(match[1]);
}

/** Spawns `node dist/subgraphs/<name>/main.js` for each subgraph on free ports, over `dataDir`. */
export async function startDistributedSubgraphs(cleanup: Cleanup, dataDir: string): Promise<DistributedSubgraphs> {
  const services = {} as Record<SubgraphName, Service>;
  for (const name of SUBGRAPH_NAMES) {
    const port = await freePort();
    services[name] = spawnService(
      cleanup,
      `${name} subgraph`,
      join("dist", "subgraphs", name, "main.js"),
      [],
      { [PORT_VARIABLE[name]]: String(port), DATA_DIR: dataDir },
      `http://127.0.0.1:${port}`,
    );
    cleanup.add(`stop ${name} subgraph`, () => services[name].stop());
    // One at a time: each opens (and synchronizes the schema of) its SQLite file.
    await healthReady(services[name]);
  }
  return {
    services,
    urls: { INCIDENT_URL: services.incident.url, ACTOR_URL: services.actor.url, STATEMENT_URL: services.statement.url },
    async sqlTotal() {
      const totals = await Promise.all(SUBGRAPH_NAMES.map((name) => scrapeSqlTotal(services[name].base)));
      return totals.reduce((sum, value) => sum + value, 0);
    },
    async graphqlRequests() {
      const totals = await Promise.all(
        SUBGRAPH_NAMES.map((name) => scrapeMetric(services[name].base, "http_request_duration_seconds_count", 'route="/graphql"')),
      );
      return totals.reduce((sum, value) => sum + value, 0);
    },
  };
}

/** The project's gateway alone (`dist/gateway/main.js --gateway-only`), pointed at the subgraph processes. */
export async function startGatewayProcess(cleanup: Cleanup, subgraphs: DistributedSubgraphs, env: Record<string, string> = {}): Promise<Service> {
  const port = await freePort();
  const service = spawnService(
    cleanup,
    "gateway (--gateway-only)",
    join("dist", "gateway", "main.js"),
    ["--gateway-only"],
    { GATEWAY_PORT: String(port), ...subgraphs.urls, ...env },
    `http://127.0.0.1:${port}`,
  );
  cleanup.add("stop gateway process", () => service.stop());
  await healthReady(service);
  return service;
}

/** The stock `@apollo/gateway` + `@apollo/server` standalone set-up (`dist/bench/stock-gateway.js`). */
export async function startStockGateway(cleanup: Cleanup, subgraphs: DistributedSubgraphs): Promise<Service> {
  const port = await freePort();
  const service = spawnService(
    cleanup,
    "stock @apollo/gateway",
    join("dist", "bench", "stock-gateway.js"),
    [],
    { PORT: String(port), ...subgraphs.urls },
    `http://127.0.0.1:${port}`,
    "/",
  );
  cleanup.add("stop stock gateway", () => service.stop());
  await graphqlReady(service);
  return service;
}

/** Hive Gateway (`dist/bench/hive-gateway.js`), with its JS planner or the Rust one, in front of the same subgraph processes. */
export async function startHiveGateway(cleanup: Cleanup, subgraphs: DistributedSubgraphs, planner: "js" | "rust"): Promise<Service> {
  const port = await freePort();
  const service = spawnService(
    cleanup,
    `Hive Gateway (${planner} planner)`,
    join("dist", "bench", "hive-gateway.js"),
    planner === "rust" ? ["--rust"] : [],
    { PORT: String(port), ...subgraphs.urls },
    `http://127.0.0.1:${port}`,
  );
  cleanup.add(`stop Hive Gateway (${planner})`, () => service.stop());
  await graphqlReady(service);
  return service;
}
