import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import sqlite3 from "sqlite3";
import { SUBGRAPHS } from "../subgraphs";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import { createDataSource, type Database } from "../subgraphs/lib/data-source";
import { runMigrations } from "../subgraphs/lib/migrations";
import { projectRoot } from "../subgraphs/lib/paths";
import { BEFORE_ANY_SYNC } from "../subgraphs/lib/retractable";
import { cellsAndIncidents } from "./support/facet-counts";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { searchIndexProblemsAt } from "./support/search-index";
import { indexIncidents } from "../subgraphs/incident/search";
import { type DatabaseUrls, startTestSystem } from "./support/system";

// The upgrade a live database goes through: the fixtures are the three seeded databases as the code
// made them before migrations existed (TypeORM synchronize plus the search set-up, commit 0086f8b;
// see test/fixtures/before-migrations/README.md). Each kind is migrated by `npm run migrate`, refused
// by a production start, and migrated by a start with MIGRATE=auto; no row may be lost. Then the
// drift check: the migrations build exactly what synchronize builds from the entities.

const root = projectRoot();
const fixture = (kind: Database["kind"], name: SubgraphName) => readFileSync(join(root, "test/fixtures/before-migrations", kind, `${name}.sql`), "utf8");
const run = promisify(execFile);

/** Where one test's three databases live, and the environment that points the processes at them. */
interface Store {
  kind: Database["kind"];
  dataDir: string;
  urls: DatabaseUrls;
  env: Record<string, string>;
}

function sqliteStore(dataDir: string): Store {
  return { kind: "sqlite", dataDir, urls: {}, env: { DATA_DIR: dataDir } };
}

function postgresStore(urls: DatabaseUrls, dataDir: string): Store {
  return {
    kind: "postgres",
    dataDir,
    urls,
    env: { DATA_DIR: dataDir, INCIDENT_DATABASE_URL: urls.incident!, ACTOR_DATABASE_URL: urls.actor!, STATEMENT_DATABASE_URL: urls.statement! },
  };
}

/** Loads the pre-migration dump of each subgraph into the store's (empty) databases. */
async function restoreFixture(store: Store): Promise<void> {
  for (const name of SUBGRAPH_NAMES) {
    const sql = fixture(store.kind, name);
    if (store.kind === "postgres") {
      const client = new Client({ connectionString: store.urls[name] });
      await client.connect();
      await client.query(sql);
      await client.end();
    } else {
      // The dump declares the FTS5 table through writable_schema: the next connection sees it.
      const db = new sqlite3.Database(join(store.dataDir, `${name}.sqlite`));
      await new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    }
  }
}

/** Opens one subgraph's database of the store; with `migrations`, registers the subgraph's migrations (runs nothing). */
function open(store: Store, name: SubgraphName, options: { migrations?: boolean; synchronize?: boolean } = {}): Promise<Database> {
  const module = SUBGRAPHS[name];
  return createDataSource({
    name,
    entities: options.migrations || options.synchronize ? module.entities : [],
    migrations: options.migrations ? module.migrations : undefined,
    synchronize: options.synchronize,
    databaseUrl: store.urls[name],
    dataDir: store.dataDir,
  });
}

async function withDatabase<T>(
  store: Store,
  name: SubgraphName,
  use: (db: Database) => Promise<T>,
  options?: { migrations?: boolean; synchronize?: boolean },
): Promise<T> {
  const db = await open(store, name, options);
  try {
    return await use(db);
  } finally {
    await db.dataSource.destroy();
  }
}

/** The tables of a database, the migrations table and SQLite's own aside (search tables and their internals included). */
async function tableNames(db: Database): Promise<string[]> {
  const listing =
    db.kind === "sqlite"
      ? `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
      : `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
  return ((await db.dataSource.query(listing)) as { name: string }[]).map((row) => row.name).filter((table) => table !== "migrations");
}

/** Row count of every table of the subgraph's database. */
async function rowCounts(store: Store, name: SubgraphName): Promise<Record<string, number>> {
  return withDatabase(store, name, async (db) => {
    const counts: Record<string, number> = {};
    for (const table of await tableNames(db)) {
      const [row] = (await db.dataSource.query(`SELECT COUNT(*) AS n FROM "${table}"`)) as { n: number | string }[];
      counts[table] = Number(row!.n);
    }
    return counts;
  });
}

/** A few whole rows, by id, to compare value for value across the upgrade. */
const SPOT_CHECKS: Record<SubgraphName, [table: string, id: string][]> = {
  incident: [
    ["incident", "inc-2023-12-08-baghdad-embassy"],
    ["place", "place-iraq"],
    ["incident_search", "inc-2023-12-08-baghdad-embassy"],
  ],
  actor: [
    ["actor", "act-us"],
    ["actor", "act-lloyd-austin"],
  ],
  statement: [
    ["statement", "stmt-miller-embassy-attack"],
    ["source", "src-000"],
    ["statement_search", "stmt-austin-call-al-sudani"],
  ],
};

async function spotRows(store: Store, name: SubgraphName): Promise<unknown[]> {
  return withDatabase(store, name, async (db) => {
    const rows: unknown[] = [];
    for (const [table, id] of SPOT_CHECKS[name]) {
      const columns = db.kind === "postgres" && table.endsWith("_search") ? "id, body" : "*";
      const found = (await db.dataSource.query(`SELECT ${columns} FROM "${table}" WHERE id = ${db.kind === "sqlite" ? "?" : "$1"}`, [id])) as unknown[];
      expect(found).toHaveLength(1);
      rows.push(found[0]);
    }
    return rows;
  });
}

/**
 * Every table with its columns (name, type, nullability, key, default, generation; sorted by name: a
 * later migration can only append a column, where synchronize puts embedded columns such as
 * `evidence*` after the entity's own) and indexes, read
 * from the database's own catalog: a check independent of how TypeORM reads a schema back.
 */
async function schemaOf(db: Database, skip: (table: string) => boolean = () => false): Promise<Record<string, { columns: string[]; indices: string[] }>> {
  const described: Record<string, { columns: string[]; indices: string[] }> = {};
  for (const table of await tableNames(db)) {
    if (skip(table)) continue;
    if (db.kind === "sqlite") {
      const columns = (await db.dataSource.query(`PRAGMA table_info("${table}")`)) as {
        name: string;
        type: string;
        notnull: number;
        pk: number;
        dflt_value: string | null;
      }[];
      const indices = (await db.dataSource.query(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?`, [table])) as {
        name: string;
        sql: string | null;
      }[];
      described[table] = {
        columns: columns
          .map((c) => `${c.name} ${c.type}${c.notnull ? " not null" : ""}${c.pk ? " primary" : ""}${c.dflt_value === null ? "" : ` default ${c.dflt_value}`}`)
          .sort(),
        indices: indices.map((index) => `${index.name}: ${index.sql ?? "automatic"}`).sort(),
      };
    } else {
      const columns = (await db.dataSource.query(
        `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default, generation_expression
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      )) as {
        column_name: string;
        data_type: string;
        length: number | null;
        is_nullable: string;
        column_default: string | null;
        generation_expression: string | null;
      }[];
      const indices = (await db.dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`, [table])) as {
        indexname: string;
        indexdef: string;
      }[];
      described[table] = {
        columns: columns
          .map(
            (c) =>
              `${c.column_name} ${c.data_type}${c.length ? `(${c.length})` : ""}${c.is_nullable === "NO" ? " not null" : ""}` +
              `${c.column_default ? ` default ${c.column_default}` : ""}${c.generation_expression ? ` generated ${c.generation_expression}` : ""}`,
          )
          .sort(),
        indices: indices.map((index) => `${index.indexname}: ${index.indexdef}`).sort(),
      };
    }
  }
  return described;
}

/** What `synchronize` would still change: nothing, when the migrations match the entities. */
async function pendingSchemaChanges(db: Database): Promise<string[]> {
  const { upQueries } = await db.dataSource.driver.createSchemaBuilder().log();
  return upQueries.map((query) => query.query);
}

const isSearchOrMigrations = (table: string) => table === "migrations" || /_search($|_)/.test(table);

/** A dist entry point run as an operator runs it; resolves with its exit code and output. */
async function node(script: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, "dist", script)], {
      env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: "1", ...env },
      timeout: 60_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

type Counts = Record<SubgraphName, Record<string, number>>;

async function allCounts(store: Store): Promise<Counts> {
  const counts = {} as Counts;
  for (const name of SUBGRAPH_NAMES) counts[name] = await rowCounts(store, name);
  return counts;
}

/**
 * Tables that a later migration fills from the rows already there (the facets' counts): checked
 * against those rows (`cellsAndIncidents`), then set aside like the empty ones.
 */
const DERIVED_TABLES: Partial<Record<SubgraphName, string[]>> = { incident: ["incident_facet_count"] };

/** Tables that migrations after the first one create, empty until something is written (the audit). */
const LATER_TABLES: Partial<Record<SubgraphName, string[]>> = {
  incident: ["write_record", "data_version", "import_batch"],
  actor: ["write_record", "data_version", "import_batch"],
  statement: ["write_record", "data_version", "import_batch"],
};

/**
 * The counts without FTS5's storage tables (`*_search_data`, `*_search_idx`: b-tree segments, not
 * documents): the import-ledger migration rewrites the search index so that each document's rowid is its
 * entity row's, which changes how many segments hold the same documents. The documents themselves
 * (`*_search`, `*_search_content`, `*_search_docsize`) are still compared.
 */
function withoutSearchStorage(counts: Counts): Counts {
  const kept = {} as Counts;
  for (const name of SUBGRAPH_NAMES) {
    kept[name] = Object.fromEntries(Object.entries(counts[name]).filter(([table]) => !/_search_(data|idx)$/.test(table))) as Counts[typeof name];
  }
  return kept;
}

/**
 * Columns that migrations after the first one add (retraction, sync time, a place's evidence), with
 * the value every row written before them gets: null, `BEFORE_ANY_SYNC`, or false (0 on SQLite).
 */
const LATER_COLUMNS: Record<string, unknown[]> = {
  retractedAt: [null],
  retractedReason: [null],
  updatedAt: [BEFORE_ANY_SYNC],
  evidenceSourceid: [null],
  evidenceSentence: [null],
  evidenceGarbled: [false, 0],
  evidenceNote: [null],
};

/** Spot rows after a migration, with the columns the later migrations added checked and set aside. */
function withoutLaterColumns(rows: unknown[], index: number, spotsBefore: unknown[][]): unknown[] {
  return rows.map((row, at) => {
    const before = spotsBefore[index]?.[at] as Record<string, unknown>;
    const kept = { ...(row as Record<string, unknown>) };
    for (const [column, values] of Object.entries(LATER_COLUMNS)) {
      if (!(column in kept) || column in before) continue;
      expect(values).toContain(kept[column]);
      delete kept[column];
    }
    return kept;
  });
}

/** The counts after a migration, with the later migrations' tables checked and set aside, to compare with the counts before. */
function withoutLaterTables(after: Counts): Counts {
  const kept = {} as Counts;
  for (const name of SUBGRAPH_NAMES) {
    kept[name] = { ...after[name] };
    for (const table of LATER_TABLES[name] ?? []) {
      expect(kept[name][table]).toBe(0);
      delete kept[name][table];
    }
    // SQLite: the search-key migration gives every search document a key of its own.
    for (const table of Object.keys(kept[name]).filter((table) => table.endsWith("_search_key"))) {
      expect([table, kept[name][table]]).toEqual([table, kept[name][table.replace(/_key$/, "")]]);
      delete kept[name][table];
    }
    for (const table of DERIVED_TABLES[name] ?? []) delete kept[name][table];
  }
  return kept;
}

function printCounts(label: string, before: Counts, after: Counts): void {
  const total = (counts: Counts) => SUBGRAPH_NAMES.reduce((sum, name) => sum + Object.values(counts[name]).reduce((a, b) => a + b, 0), 0);
  const lines = SUBGRAPH_NAMES.map((name) => {
    const sum = (counts: Counts) => Object.values(counts[name]).reduce((a, b) => a + b, 0);
    return `  ${name}: ${Object.keys(before[name]).length} tables, ${sum(before)} rows before, ${sum(after)} after`;
  });
  console.log(`${label}\n${lines.join("\n")}\n  total: ${total(before)} rows before, ${total(after)} after`);
}

/**
 * The upgrade and drift checks for one kind of database. `fresh` gives a store of three new, empty
 * databases (a new folder, or new PostgreSQL databases named with `prefix`).
 */
function upgradeSuite(kind: Database["kind"], fresh: (prefix: string) => Promise<{ store: Store; drop(): Promise<void> }>): void {
  const cleanups: (() => Promise<void>)[] = [];
  const freshStore = async (prefix: string) => {
    const made = await fresh(prefix);
    cleanups.push(made.drop);
    return made.store;
  };
  afterAll(async () => {
    for (const drop of cleanups) await drop();
  });

  it("npm run migrate adopts a database made before migrations, loses no row, and is idempotent", async () => {
    const store = await freshStore("mig_cli");
    await restoreFixture(store);
    const before = await allCounts(store);
    const spotsBefore = await Promise.all(SUBGRAPH_NAMES.map((name) => spotRows(store, name)));

    const first = await node("subgraphs/migrate.js", store.env);
    expect(first).toMatchObject({ code: 0 });
    // The adoption, then any later migration (the statement subgraph's `writes`).
    for (const name of SUBGRAPH_NAMES) expect(first.output).toMatch(new RegExp(`^${name} \\(${kind} .*\\): ran Initial\\d{13}(, [A-Z]\\w*\\d{13})*$`, "m"));
    const second = await node("subgraphs/migrate.js", store.env);
    expect(second).toMatchObject({ code: 0 });
    for (const name of SUBGRAPH_NAMES) expect(second.output).toMatch(new RegExp(`^${name} \\(${kind} .*\\): up to date, nothing to run$`, "m"));

    const after = await allCounts(store);
    printCounts(`${kind}: row counts across npm run migrate`, before, after);
    // The facets' counts were computed from the incidents the database already held.
    const facetCounts = await withDatabase(store, "incident", cellsAndIncidents);
    expect(facetCounts.cells).toEqual(facetCounts.incidents);
    expect(facetCounts.incidents.length).toBeGreaterThan(0);
    expect(withoutSearchStorage(withoutLaterTables(after))).toEqual(withoutSearchStorage(before));
    expect(Object.values(before.incident).reduce((a, b) => a + b)).toBeGreaterThan(100);
    expect(
      (await Promise.all(SUBGRAPH_NAMES.map((name) => spotRows(store, name)))).map((rows, index) => withoutLaterColumns(rows, index, spotsBefore)),
    ).toEqual(spotsBefore);

    // The adopted schema is the one the migrations build on a new database, and matches the entities.
    const blank = await freshStore("mig_blank");
    for (const name of SUBGRAPH_NAMES) {
      const adopted = await withDatabase(store, name, async (db) => ({ schema: await schemaOf(db), changes: await pendingSchemaChanges(db) }), {
        migrations: true,
      });
      const built = await withDatabase(blank, name, async (db) => (await runMigrations(db.dataSource), schemaOf(db)), { migrations: true });
      expect(adopted.changes).toEqual([]);
      expect(adopted.schema).toEqual(built);
    }
  });

  it("a production start refuses that database, naming npm run migrate, MIGRATE=auto and the pending migrations, and changes nothing", async () => {
    const store = await freshStore("mig_refuse");
    await restoreFixture(store);
    const before = await allCounts(store);
    const started = await node("gateway/main.js", {
      ...store.env,
      NODE_ENV: "production",
      GATEWAY_PORT: "0",
      INCIDENT_PORT: "0",
      ACTOR_PORT: "0",
      STATEMENT_PORT: "0",
    });
    expect(started.code).toBe(1);
    const fatal = started.output.split("\n").find((line) => line.includes("could not start"));
    expect(fatal).toMatch(
      /the incident database is behind the code \(pending migrations: Initial\d{13}(, [A-Z]\w*\d{13})*\): run `npm run migrate` first, or set MIGRATE=auto/,
    );
    expect(await allCounts(store)).toEqual(before);
  });

  it("with MIGRATE=auto a production start migrates it, every row intact, and serves it (search included)", async () => {
    const store = await freshStore("mig_auto");
    await restoreFixture(store);
    const before = await allCounts(store);
    const system = await startTestSystem("in-process", { ...store.env, NODE_ENV: "production", MIGRATE: "auto" }, store.urls);
    try {
      const answer = await system.query(
        `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title } searchStatements(query: "diplomatic missions", first: 1) { totalCount } }`,
      );
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.incident.title).toBe("Attack on the US embassy in Baghdad");
      expect(answer.body.data.searchStatements.totalCount).toBeGreaterThan(0);
    } finally {
      await system.stop();
    }
    const after = await allCounts(store);
    printCounts(`${kind}: row counts across a start with MIGRATE=auto`, before, after);
    // Every document where the migrated index looks for it (SQLite: at its key's docid), with the text its rows give it.
    expect(await searchIndexProblemsAt(store)).toEqual({ incident: [], statement: [] });
    expect(withoutSearchStorage(withoutLaterTables(after))).toEqual(withoutSearchStorage(before));
  });

  it("a new database migrates to the tables and columns synchronize builds from the entities (the drift check)", async () => {
    const migrated = await freshStore("mig_fresh");
    const synchronized = await freshStore("mig_sync");
    for (const name of SUBGRAPH_NAMES) {
      const fromMigrations = await withDatabase(
        migrated,
        name,
        async (db) => {
          expect(await runMigrations(db.dataSource)).toHaveLength(SUBGRAPHS[name].migrations[kind].length);
          expect(await pendingSchemaChanges(db)).toEqual([]);
          return schemaOf(db, isSearchOrMigrations);
        },
        { migrations: true },
      );
      const fromEntities = await withDatabase(synchronized, name, (db) => schemaOf(db, isSearchOrMigrations), { synchronize: true });
      expect(Object.keys(fromMigrations).length).toBe(SUBGRAPHS[name].entities.length);
      expect(fromMigrations).toEqual(fromEntities);
    }
  });
}

describe("migrations on SQLite", () => {
  upgradeSuite("sqlite", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "migrations-"));
    return { store: sqliteStore(dataDir), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  });
});

describe("the search-key migration on SQLite rows renumbered before it", () => {
  it("keeps every document, wherever its rowid had gone, and later writes replace the right ones", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "migrations-"));
    try {
      const store = sqliteStore(dataDir);
      await restoreFixture(store);
      for (const name of ["incident", "statement"] as const) {
        const module = SUBGRAPHS[name];
        const last = module.migrations.sqlite.at(-1)!;
        expect(new last().name).toMatch(/^SearchKey\d{13}$/);
        // Every migration before it, then the indexed table rebuilt in another order (its rows renumbered,
        // so the documents' rowids, which were its rows' rowids, no longer are).
        const db = await createDataSource({
          name,
          entities: module.entities,
          migrations: { sqlite: module.migrations.sqlite.slice(0, -1), postgres: [] },
          dataDir,
        });
        try {
          await runMigrations(db.dataSource);
          await db.dataSource.query(`CREATE TEMP TABLE moved AS SELECT * FROM "${name}" ORDER BY id DESC`);
          await db.dataSource.query(`DELETE FROM "${name}"`);
          await db.dataSource.query(`INSERT INTO "${name}" SELECT * FROM moved`);
          const [{ misplaced }] = await db.dataSource.query(
            `SELECT COUNT(*) AS misplaced FROM "${name}_search" s JOIN "${name}" e ON e.id = s.id WHERE e.rowid != s.rowid`,
          );
          expect(misplaced).toBeGreaterThan(0);
        } finally {
          await db.dataSource.destroy();
        }
      }
      await withDatabase(store, "incident", (db) => runMigrations(db.dataSource), { migrations: true });
      await withDatabase(store, "statement", (db) => runMigrations(db.dataSource), { migrations: true });
      expect(await searchIndexProblemsAt(store)).toEqual({ incident: [], statement: [] });
      // A write through the subgraph's own code replaces its record's document and no other.
      await withDatabase(
        store,
        "incident",
        async (db) => {
          await db.dataSource.query(`UPDATE incident SET title = 'A renamed attack' WHERE id = 'inc-2023-12-08-baghdad-embassy'`);
          await db.dataSource.transaction((manager) => indexIncidents(manager, db.kind, ["inc-2023-12-08-baghdad-embassy"]));
        },
        { migrations: true },
      );
      expect(await searchIndexProblemsAt(store)).toEqual({ incident: [], statement: [] });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describeWithPostgres("migrations on PostgreSQL", () => {
  upgradeSuite("postgres", async (prefix) => {
    const databases = await createTestDatabases(prefix);
    const dataDir = mkdtempSync(join(tmpdir(), "migrations-"));
    return {
      store: postgresStore(databases.urls, dataDir),
      drop: async () => {
        await databases.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
});
