import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { type RunMode, type System, startSystem } from "../../gateway/system";
import { loadConfig } from "../../subgraphs/lib/config";

/** A GraphQL response as tests read it. */
export interface GraphQLBody {
  // Tests read arbitrary shapes out of `data`; product code never does this.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** An HTTP answer: status, body, headers. */
export interface HttpAnswer {
  status: number;
  body: GraphQLBody;
  text: string;
  headers?: Headers;
}

/** Sends a raw body to a URL (for malformed input) and reads the answer. */
export async function send(url: string, body: string, headers: Record<string, string> = { "content-type": "application/json" }): Promise<HttpAnswer> {
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  let parsed: GraphQLBody = {};
  try {
    parsed = JSON.parse(text) as GraphQLBody;
  } catch {
    // Not JSON: `text` has it.
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}

/** POSTs a GraphQL operation. */
export function post(url: string, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<HttpAnswer> {
  return send(url, JSON.stringify({ query, variables, operationName }));
}

/** A system started for a test, with its own data folder, log lines and helpers. */
export interface TestSystem extends System {
  query(query: string, variables?: Record<string, unknown>): Promise<HttpAnswer>;
  logs: string[];
  dataDir: string;
}

/** Where the test databases live: a fresh SQLite folder, or PostgreSQL URLs per subgraph. */
export type DatabaseUrls = Partial<Record<"incident" | "actor" | "statement", string>>;

/**
 * Starts the real system (real HTTP, real databases) on free ports, with a fresh SQLite folder
 * unless PostgreSQL URLs are given. Log lines are captured in `logs`.
 */
export async function startTestSystem(mode: RunMode, env: Record<string, string> = {}, databaseUrls: DatabaseUrls = {}): Promise<TestSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), "conflict-graph-"));
  const config = loadConfig({
    NODE_ENV: "test",
    GATEWAY_PORT: "0",
    INCIDENT_PORT: "0",
    ACTOR_PORT: "0",
    STATEMENT_PORT: "0",
    DATA_DIR: dataDir,
    INCIDENT_DATABASE_URL: databaseUrls.incident ?? "",
    ACTOR_DATABASE_URL: databaseUrls.actor ?? "",
    STATEMENT_DATABASE_URL: databaseUrls.statement ?? "",
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const system = await startSystem(config, mode, pino({ level: "info" }, sink));
  return {
    ...system,
    logs,
    dataDir,
    query: (query, variables) => post(system.url, query, variables),
    async stop() {
      await system.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
