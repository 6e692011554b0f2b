import { join } from "node:path";
import { Client } from "pg";
import sqlite3 from "sqlite3";
import { createTestDatabases, describeWithPostgres } from "./postgres";
import { send, startTestSystem, type HttpAnswer, type TestSystem } from "./system";
import { TEST_JWT_SECRET } from "./tokens";

/** Words that must never reach a client: stack traces, paths, token internals, SQL. */
export const INTERNALS = /stacktrace|node_modules|\/work\/|\.ts:\d+|JWS|JWT|signature|claim|jose|SELECT |INSERT |sqlite|typeorm/i;

/** POSTs an operation to `url`, with a bearer token when given. */
export function call(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return send(url, JSON.stringify({ query, variables }), {
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...headers,
  });
}

/** The ids of a connection's nodes. */
export function nodeIds(connection: { edges: { node: { id: string } }[] }): string[] {
  return connection.edges.map((edge) => edge.node.id);
}

/** The status, code and argument of an answer's first error, for one `toEqual`. */
export function refusal(answer: HttpAnswer): { status: number; code: unknown; argument: unknown } {
  return { status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, argument: answer.body.errors?.[0]?.extensions?.argument };
}

/**
 * The data version of one subgraph's database, read as an operator would, beside the running
 * system: from its SQLite file (read-only) or its PostgreSQL database.
 */
export async function readVersion(where: { dataDir: string; url?: string }, subgraph: string): Promise<number> {
  if (where.url) {
    const client = new Client({ connectionString: where.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>("SELECT version FROM data_version WHERE id = 1");
      return rows.length ? Number(rows[0]?.version) : 0;
    } finally {
      await client.end();
    }
  }
  const db = new sqlite3.Database(join(where.dataDir, `${subgraph}.sqlite`), sqlite3.OPEN_READONLY);
  try {
    return await new Promise<number>((resolve, reject) =>
      db.get("SELECT version FROM data_version WHERE id = 1", (error: Error | null, row?: { version: number }) =>
        error ? reject(error) : resolve(row ? Number(row.version) : 0),
      ),
    );
  } finally {
    db.close();
  }
}

/** A system started for a write suite, and how to read the data version of the subgraph it writes to. */
export interface StartedWrites {
  system: TestSystem;
  version(): Promise<number>;
}

/**
 * Runs a write suite (`suite(start)`) twice: on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set
 * (skipped saying why otherwise), each time through the real gateway in production mode.
 */
export function onBothDatabases(title: string, subgraph: "incident" | "actor" | "statement", suite: (start: () => Promise<StartedWrites>) => void): void {
  describe(`${title} (SQLite, production mode)`, () => {
    suite(async () => {
      const system = await startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET });
      return { system, version: () => readVersion({ dataDir: system.dataDir }, subgraph) };
    });
  });
  describeWithPostgres(`${title} on PostgreSQL`, () => {
    suite(async () => {
      const databases = await createTestDatabases(`wr_${subgraph}_${process.pid}`);
      const system = await startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET }, databases.urls);
      return {
        system: {
          ...system,
          async stop() {
            await system.stop();
            await databases.drop();
          },
        },
        version: () => readVersion({ dataDir: system.dataDir, url: databases.urls[subgraph] }, subgraph),
      };
    });
  });
}
