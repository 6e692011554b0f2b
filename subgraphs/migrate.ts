import "reflect-metadata";
import { join } from "node:path";
import { SUBGRAPHS } from "./index";
import { type Config, loadConfig, SUBGRAPH_NAMES, type SubgraphName } from "./lib/config";
import { createDataSource } from "./lib/data-source";
import { generateMigration } from "./lib/migration-generator";
import { runMigrations } from "./lib/migrations";
import { projectRoot } from "./lib/paths";

// `npm run migrate`: brings every configured subgraph database up to the code (idempotent).
// `npm run migrate -- --generate <subgraph> <label> [--postgres <url of an empty scratch database>]`:
// writes the migrations for an entity change, SQLite always, PostgreSQL when a scratch database is given.

/** Where a database lives, for the operator's eyes: never a password. */
function describeLocation(config: Config, name: SubgraphName): string {
  const url = config.subgraphs[name].databaseUrl;
  if (!url) return `sqlite ${join(config.dataDir, `${name}.sqlite`)}`;
  const parsed = new URL(url);
  return `postgres ${parsed.host}${parsed.pathname}`;
}

async function migrateAll(config: Config): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    const module = SUBGRAPHS[name];
    const db = await createDataSource({
      name,
      entities: module.entities,
      migrations: module.migrations,
      databaseUrl: config.subgraphs[name].databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      const ran = await runMigrations(db.dataSource);
      const state = ran.length === 0 ? "up to date, nothing to run" : `ran ${ran.join(", ")}`;
      console.log(`${name} (${describeLocation(config, name)}): ${state}`);
    } finally {
      await db.dataSource.destroy();
    }
  }
}

async function generate(args: string[]): Promise<void> {
  const [name, label] = args;
  if (!name || !(SUBGRAPH_NAMES as readonly string[]).includes(name) || !label || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(label)) {
    throw new Error(`usage: npm run migrate -- --generate <${SUBGRAPH_NAMES.join("|")}> <kebab-case-label> [--postgres <url of an empty database>]`);
  }
  const module = SUBGRAPHS[name as SubgraphName];
  const postgresAt = args.indexOf("--postgres");
  const scratch = postgresAt >= 0 ? args[postgresAt + 1] : undefined;
  const timestamp = Date.now();
  const kinds = scratch ? (["sqlite", "postgres"] as const) : (["sqlite"] as const);
  for (const kind of kinds) {
    const file = await generateMigration({
      name,
      entities: module.entities,
      migrations: module.migrations,
      scratchDatabaseUrl: kind === "postgres" ? scratch : undefined,
      label,
      folder: join(projectRoot(), "subgraphs", name, "migrations", kind),
      timestamp,
    });
    console.log(
      file
        ? `${name} (${kind}): wrote ${file}: review its SQL, then register it in subgraphs/${name}/index.ts`
        : `${name} (${kind}): the migrations already match the entities`,
    );
  }
  if (!scratch) console.log(`${name} (postgres): not generated; pass --postgres <url of an empty database>`);
}

const args = process.argv.slice(2);
const run = args[0] === "--generate" ? generate(args.slice(1)) : migrateAll(loadConfig());
run.catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
