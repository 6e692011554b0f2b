import { ACTOR_NAMES } from "../actor/name-key";
import { PLACE_NAMES } from "../incident/name-key";
import { SUBGRAPHS } from "../index";
import type { LedgerEntry } from "../lib/bulk-import";
import { type Config, SUBGRAPH_NAMES, type SubgraphName } from "../lib/config";
import { createDataSource, type Database } from "../lib/data-source";
import { seedIfEmpty } from "../lib/start-subgraph";
import { pendingMigrations, runMigrations } from "../lib/migrations";
import { lookupName } from "../lib/name-match";
import { TARGETS, type TargetType } from "./references";
import { cachedLookup, type ImportTarget } from "./target";

/**
 * SQLite settings for the import's own connections only (the servers keep theirs): in WAL mode,
 * `synchronous=NORMAL` loses no committed transaction when a process is killed (only an OS crash can
 * take the last ones back); a larger page cache keeps the indexes' upper levels in memory as tables
 * grow; a long busy timeout waits for another writer's batch instead of failing.
 */
const IMPORT_PRAGMAS = ["synchronous = NORMAL", "cache_size = -65536", "temp_store = MEMORY", "busy_timeout = 120000"];

/** Ids per lookup query (under SQLite's bound-value limit). */
const IDS_PER_QUERY = 10_000;

function placeholders(db: Database, count: number): string {
  return Array.from({ length: count }, (_, i) => (db.kind === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
}

/**
 * Runs the pending migrations. Two imports started together on a new database race to create it: the
 * loser's migration transaction rolls back whole, and it finds the schema made by the other.
 */
async function migrate(db: Database): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await runMigrations(db.dataSource);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      if ((await pendingMigrations(db.dataSource)).length === 0) return;
    }
  }
}

/**
 * The databases on this machine, opened as the servers open them (same configuration: DATA_DIR,
 * *_DATABASE_URL) and migrated first, as `npm run migrate` would; a dry run migrates nothing and
 * reads a database that is not there yet as empty.
 */
export async function openDirectTarget(config: Config, options: { dryRun: boolean }): Promise<ImportTarget> {
  const dbs = {} as Record<SubgraphName, Database>;
  const ready = {} as Record<SubgraphName, boolean>;
  for (const name of SUBGRAPH_NAMES) {
    const module = SUBGRAPHS[name];
    const db = await createDataSource({
      name,
      entities: module.entities,
      migrations: module.migrations,
      databaseUrl: config.subgraphs[name].databaseUrl,
      dataDir: config.dataDir,
    });
    dbs[name] = db;
    if (!options.dryRun) {
      await migrate(db);
      // A new database gets the bundled dataset first, as a server's first start gives it.
      await seedIfEmpty(module, db);
    }
    ready[name] = (await pendingMigrations(db.dataSource)).length === 0;
    if (db.kind === "sqlite") for (const pragma of IMPORT_PRAGMAS) await db.dataSource.query(`PRAGMA ${pragma}`);
  }
  const lookup = cachedLookup({
    async actorByName(name) {
      if (!ready.actor) return null;
      const [best] = await lookupName(dbs.actor, ACTOR_NAMES, name, 1);
      return best ? { id: best.id, score: best.score } : null;
    },
    async placeByName(name, latitude, longitude) {
      if (!ready.incident) return null;
      const ranked = await lookupName(dbs.incident, PLACE_NAMES, name, 5);
      if (ranked.length === 0 || latitude === undefined || longitude === undefined) return ranked[0] ? { id: ranked[0].id } : null;
      // Several places of that name: the one nearest the coordinates (or the best-named when none has any).
      const db = dbs.incident;
      const rows: { id: string; latitude: number | null; longitude: number | null }[] = await db.dataSource.query(
        `SELECT id, latitude, longitude FROM place WHERE id IN (${placeholders(db, ranked.length)})`,
        ranked.map((match) => match.id),
      );
      const located = rows.filter((row) => row.latitude !== null && row.longitude !== null);
      if (located.length === 0) return { id: ranked[0].id };
      const distance = (row: (typeof located)[number]) => (Number(row.latitude) - latitude) ** 2 + (Number(row.longitude) - longitude) ** 2;
      return { id: located.sort((a, b) => distance(a) - distance(b))[0].id };
    },
  });
  return {
    lookup,
    async existing(type: TargetType, ids: string[]) {
      const target = TARGETS[type];
      const db = dbs[target.subgraph];
      const found = new Set<string>();
      if (!ready[target.subgraph]) return found;
      for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
        const chunk = ids.slice(start, start + IDS_PER_QUERY);
        const rows: { id: string }[] = await db.dataSource.query(`SELECT id FROM "${target.table}" WHERE id IN (${placeholders(db, chunk.length)})`, chunk);
        for (const row of rows) found.add(row.id);
      }
      return found;
    },
    async committed(importId: string) {
      const done = new Map<string, string>();
      for (const name of SUBGRAPH_NAMES) {
        if (!ready[name]) continue;
        const db = dbs[name];
        const rows: { batch: number; subgraph: string; checksum: string }[] = await db.dataSource.query(
          `SELECT batch, subgraph, checksum FROM import_batch WHERE "importId" = ${db.kind === "sqlite" ? "?" : "$1"}`,
          [importId],
        );
        for (const row of rows) done.set(`${row.batch}:${row.subgraph}`, row.checksum);
      }
      return done;
    },
    write(subgraph: SubgraphName, section: Record<string, unknown[]>, ledger: LedgerEntry) {
      return SUBGRAPHS[subgraph].importBatch(dbs[subgraph], section, { ledger });
    },
    async close() {
      for (const name of SUBGRAPH_NAMES) await dbs[name].dataSource.destroy();
    },
  };
}
