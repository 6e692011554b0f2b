import { Client } from "pg";
import type { DatabaseUrls } from "./system";

/** The PostgreSQL server tests may use; unset on a machine without one (the tests then skip). */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;

/** `describe`, or a skip that says why when no PostgreSQL URL is set. */
export const describeWithPostgres: (name: string, body: () => void) => void = POSTGRES_URL
  ? describe
  : (name, body) => {
      console.warn(`SKIPPED: "${name}" needs PostgreSQL; set TEST_DATABASE_URL (for example postgres://root@127.0.0.1:5432/test) to run it.`);
      describe.skip(`${name} [skipped: TEST_DATABASE_URL is not set]`, body);
    };

/** Creates one fresh database per subgraph on the test server; `drop` removes them. */
export async function createTestDatabases(prefix: string): Promise<{ urls: DatabaseUrls; drop(): Promise<void> }> {
  if (!POSTGRES_URL) throw new Error("TEST_DATABASE_URL is not set");
  const admin = new Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  // TEST_DATABASE_PREFIX keeps runs that share one server (several worktrees) out of each other's databases.
  const base = `${process.env.TEST_DATABASE_PREFIX ?? ""}${prefix}`;
  const names = { incident: `${base}_incident`, actor: `${base}_actor`, statement: `${base}_statement` };
  const urls: DatabaseUrls = {};
  for (const [subgraph, name] of Object.entries(names) as [keyof typeof names, string][]) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    urls[subgraph] = url.toString();
  }
  await admin.end();
  return {
    urls,
    async drop() {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      for (const name of Object.values(names)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
