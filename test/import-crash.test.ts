import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import sqlite3 from "sqlite3";
import { writeGeneratedNdjson } from "../bench/ndjson";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { searchIndexProblemsAt } from "./support/search-index";
import type { DatabaseUrls } from "./support/system";

// The import is killed with SIGKILL at random moments and resumed, as an operator would after a
// crash: `node dist/subgraphs/import.js --direct` as a real child process, on a generated .ndjson
// stream, into SQLite files and (when TEST_DATABASE_URL is set) PostgreSQL databases. After every
// kill the databases must hold exactly the batches the ledger says (each whole, none half), every
// batch the process acknowledged, a search index equal to the rows, and pass the engine's integrity
// checks (SQLite's integrity_check; on both, no fact without the record it belongs to); the finished
// import must equal one clean run.

const ROOT = join(__dirname, "..");
/**
 * Incidents in the generated input: 81 batches to kill in, on both engines. A run commits one to a few
 * batches before its kill, so 20 kills need about 40-60 of them: with 41 batches (an earlier 6,000 on
 * PostgreSQL) the import sometimes finished before its 20th kill.
 */
const INCIDENTS = 12_000;
const BATCH = 150;
const KILLS = 20;
/** A generated input: its incidents, and the bundles before the first of them (places, actors and the source). */
interface Input {
  incidents: number;
  gazetteer: number;
}

interface Run {
  acked: Set<number>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** One set of the three databases an import writes: SQLite files in a folder, or PostgreSQL databases. */
interface Store {
  kind: "sqlite" | "postgres";
  dataDir: string;
  urls: DatabaseUrls;
  /** The rows a query on one subgraph's database returns (no parameters: the SQL is the same on both engines). */
  all<Row>(name: Subgraph, sql: string): Promise<Row[]>;
}

type Subgraph = "incident" | "actor" | "statement";

function sqliteStore(dataDir: string): Store {
  return {
    kind: "sqlite",
    dataDir,
    urls: {},
    async all<Row>(name: Subgraph, sql: string) {
      const db = await open(join(dataDir, `${name}.sqlite`));
      try {
        return await all<Row>(db, sql);
      } finally {
        await close(db);
      }
    },
  };
}

function postgresStore(dataDir: string, urls: DatabaseUrls): Store {
  return {
    kind: "postgres",
    dataDir,
    urls,
    async all<Row>(name: Subgraph, sql: string) {
      const client = new Client({ connectionString: urls[name] });
      await client.connect();
      try {
        return (await client.query(sql)).rows as Row[];
      } finally {
        await client.end();
      }
    },
  };
}

/** The store's tables (SQLite's own and the migrations' aside). */
async function tablesOf(store: Store, name: Subgraph): Promise<string[]> {
  const rows = await store.all<{ name: string }>(
    name,
    store.kind === "sqlite"
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
  );
  return rows.map((row) => row.name).filter((table) => table !== "migrations");
}

/** Starts the import; with `kill`, SIGKILLs it `delayMs` after its `afterAcks`-th new commit (0: after it opened the databases). */
function runImport(store: Store, file: string, args: string[], kill?: { afterAcks: number; delayMs: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, ["dist/subgraphs/import.js", "--direct", "--batch-size", String(BATCH), ...args, file], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: store.dataDir,
        INCIDENT_DATABASE_URL: store.urls.incident ?? "",
        ACTOR_DATABASE_URL: store.urls.actor ?? "",
        STATEMENT_DATABASE_URL: store.urls.statement ?? "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const run: Run = { acked: new Set(), code: null, signal: null, stderr: "" };
    let buffer = "";
    let started = false;
    let acks = 0;
    const arm = () => setTimeout(() => child.kill("SIGKILL"), kill?.delayMs ?? 0);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const acked = /^committed batch (\d+): (.*)$/.exec(line);
        if (acked) {
          run.acked.add(Number(acked[1]));
          // Kill after new commits only (a resumed run first acknowledges the batches it skips).
          if (kill && !acked[2].startsWith("already") && ++acks === kill.afterAcks) arm();
        } else if (line.startsWith("import ") && !started) {
          started = true;
          if (kill && kill.afterAcks === 0) arm();
        }
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on("exit", (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve(run);
    });
  });
}

function open(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(db)));
  });
}

function all<Row>(db: sqlite3.Database, sql: string, parameters: unknown[] = []): Promise<Row[]> {
  return new Promise((resolve, reject) => db.all(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))));
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve) => db.close(() => resolve()));
}

/** The batch an incident (or its statement) `gen-…-<n>` belongs to. */
function batchOf(n: number, input: Input): number {
  return Math.floor((n + input.gazetteer) / BATCH);
}

/** Incidents the input puts in batch `k`. */
function incidentsIn(k: number, input: Input): number {
  const first = Math.max(0, k * BATCH - input.gazetteer);
  const last = Math.min(input.incidents, (k + 1) * BATCH - input.gazetteer);
  return Math.max(0, last - first);
}

/** Ids `<prefix><n>` per batch (the bundled dataset's rows, seeded into the new databases first, aside). */
function perBatch(ids: string[], prefix: string, input: Input): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const k = batchOf(Number(id.slice(prefix.length)), input);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Facts and the column naming the record each belongs to: none may point at a record that is not there. */
const OWNED: Record<"incident" | "statement", { owner: string; column: string; facts: string[] }> = {
  incident: { owner: "incident", column: "incidentId", facts: ["participation", "munition_report", "incident_report"] },
  statement: { owner: "statement", column: "statementId", facts: ["statement_stance", "statement_appearance"] },
};

/** Checks the databases after a kill of an import of `input`; returns the batches the ledger has (per subgraph). */
async function checkConsistent(store: Store, input: Input, acked: Set<number>): Promise<{ incident: Set<number>; statement: Set<number> }> {
  const ledgers = { incident: new Set<number>(), statement: new Set<number>() };
  let migrated = true;
  for (const name of ["incident", "actor", "statement"] as const) {
    if (store.kind === "sqlite") {
      expect(await store.all<{ integrity_check: string }>(name, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    }
    if (!(await tablesOf(store, name)).includes("import_batch")) {
      migrated = false;
      continue;
    }
    const ledger = new Set((await store.all<{ batch: number }>(name, "SELECT batch FROM import_batch")).map((row) => Number(row.batch)));
    if (name === "actor") {
      // The actors are all in the first batch: all there or none.
      const [{ n }] = await store.all<{ n: number | string }>(name, "SELECT COUNT(*) AS n FROM actor WHERE id LIKE 'gen-act-%'");
      expect(Number(n)).toBe(ledger.has(0) ? input.incidents / 10 : 0);
      continue;
    }
    ledgers[name] = ledger;
    const { owner, column, facts } = OWNED[name];
    const prefix = name === "incident" ? "gen-inc-" : "gen-stmt-";
    const ids = (await store.all<{ id: string }>(name, `SELECT id FROM ${owner}`)).map((row) => row.id);
    const counts = perBatch(ids, prefix, input);
    for (let k = 0; k * BATCH < input.incidents + input.gazetteer; k++) {
      // A batch is whole when the ledger has it and absent when not: never half there.
      expect([k, counts.get(k) ?? 0]).toEqual([k, ledger.has(k) ? incidentsIn(k, input) : 0]);
    }
    for (const fact of facts) {
      const owners = (await store.all<{ owner: string }>(name, `SELECT "${column}" AS owner FROM ${fact}`)).map((row) => row.owner);
      const perOwner = fact === "participation" ? 2 : 1;
      const factCounts = perBatch(owners, prefix, input);
      for (const [k, n] of counts) expect([fact, k, factCounts.get(k)]).toEqual([fact, k, n * perOwner]);
      // No orphans (PostgreSQL has no foreign keys between these tables to refuse them).
      const orphans = await store.all<{ owner: string }>(
        name,
        `SELECT f."${column}" AS owner FROM ${fact} f LEFT JOIN ${owner} o ON o.id = f."${column}" WHERE o.id IS NULL LIMIT 5`,
      );
      expect([fact, orphans]).toEqual([fact, []]);
    }
  }
  // The search index equals the rows: one document per standing record, with the text its rows give
  // it (SQLite: at the FTS5 rowid its key gives it).
  if (migrated) expect(await searchIndexProblemsAt(store)).toEqual({ incident: [], statement: [] });
  // Every batch the process acknowledged is committed in every database it has rows in.
  for (const k of acked) {
    expect([k, ledgers.incident.has(k) || incidentsIn(k, input) === 0]).toEqual([k, true]);
    expect([k, ledgers.statement.has(k) || incidentsIn(k, input) === 0]).toEqual([k, true]);
  }
  return ledgers;
}

/** A digest of every table of every database (rows sorted; write times left out), to compare two imports. */
async function digest(store: Store): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ["incident", "actor", "statement"] as const) {
    const tables = (await tablesOf(store, name)).filter((table) => !/_search_/.test(table) && table !== "data_version");
    for (const table of tables) {
      const rows = await store.all<Record<string, unknown>>(name, table.endsWith("_search") ? `SELECT id, body FROM ${table}` : `SELECT * FROM ${table}`);
      const lines = rows.map((row) => {
        const kept = { ...row };
        delete kept.updatedAt;
        delete kept.committedAt;
        return JSON.stringify(kept);
      });
      lines.sort();
      out[`${name}.${table}`] = `${lines.length} rows, ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
    }
  }
  return out;
}

/**
 * The crash and concurrency tests on one kind of database; `fresh(label)` gives a store of three new,
 * empty databases.
 */
function crashSuite(incidents: number, fresh: (label: string) => Promise<{ store: Store; drop(): Promise<void> }>): void {
  const dir = mkdtempSync(join(tmpdir(), "import-crash-"));
  const file = join(dir, "generated.ndjson");
  const input: Input = { incidents, gazetteer: 0 };
  const drops: (() => Promise<void>)[] = [];
  const store = async (label: string) => {
    const made = await fresh(label);
    drops.push(made.drop);
    return made.store;
  };
  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    input.gazetteer = (await writeGeneratedNdjson(file, incidents)) - incidents;
  }, 120_000);

  it(`loses no acknowledged batch, never leaves half a batch, keeps the search index equal to the rows, and ends equal to one clean import (${KILLS} kills)`, async () => {
    const crashed = await store("crashed");
    const figures: string[] = [];
    let kills = 0;
    const acked = new Set<number>();
    while (kills < KILLS) {
      const plan = { afterAcks: Math.floor(Math.random() * 3), delayMs: Math.floor(Math.random() * 400) };
      const run = await runImport(crashed, file, [], plan);
      for (const k of run.acked) acked.add(k);
      if (run.signal === "SIGKILL") kills += 1;
      else expect({ code: run.code, stderr: run.stderr.split("\n").filter((line) => !line.startsWith("import:")) }).toEqual({ code: 0, stderr: [""] });
      const ledgers = await checkConsistent(crashed, input, acked);
      figures.push(`${run.signal ?? `exit ${run.code}`} after ${plan.afterAcks} ack(s) + ${plan.delayMs} ms: ${ledgers.incident.size} batches committed`);
      if (run.signal !== "SIGKILL") break;
    }
    console.log(`import crash test (${crashed.kind}), ${incidents} incidents in batches of ${BATCH}:\n${figures.join("\n")}`);
    expect(kills).toBe(KILLS);
    const final = await runImport(crashed, file, []);
    expect(final.code).toBe(0);
    await checkConsistent(crashed, input, acked);

    const clean = await store("clean");
    expect((await runImport(clean, file, [])).code).toBe(0);
    expect(await digest(crashed)).toEqual(await digest(clean));
  }, 900_000);

  it("two importers at once, one killed mid-way: every batch the other acknowledged is there, and both resume to the full data", async () => {
    const shared = await store("concurrent");
    const otherFile = join(dir, "other.ndjson");
    await writeGeneratedNdjson(otherFile, incidents);
    // Same generated ids in both files, so their batches overwrite each other's rows: the ledger ids differ (different files).
    const [steady, killed] = await Promise.all([runImport(shared, file, []), runImport(shared, otherFile, [], { afterAcks: 3, delayMs: 100 })]);
    expect([steady.code, steady.stderr.split("\n").filter((line) => !line.startsWith("import:"))]).toEqual([0, [""]]);
    expect([killed.signal, killed.stderr.split("\n").filter((line) => !line.startsWith("import:"))]).toEqual(["SIGKILL", [""]]);
    await checkConsistent(shared, input, steady.acked);
    expect(steady.acked.size).toBe(Math.ceil((input.incidents + input.gazetteer) / BATCH));
  }, 600_000);
}

describe("import: killed with SIGKILL at random moments and resumed (SQLite)", () => {
  crashSuite(INCIDENTS, async (label) => {
    const dataDir = mkdtempSync(join(tmpdir(), `import-crash-${label}-`));
    return { store: sqliteStore(dataDir), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  });
});

describeWithPostgres("import: killed with SIGKILL at random moments and resumed (PostgreSQL)", () => {
  crashSuite(INCIDENTS, async (label) => {
    const databases = await createTestDatabases(`import_crash_${label}`);
    // DATA_DIR is not used with every *_DATABASE_URL set; a folder of its own all the same.
    const dataDir = mkdtempSync(join(tmpdir(), `import-crash-${label}-`));
    return {
      store: postgresStore(dataDir, databases.urls),
      async drop() {
        await databases.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  });
});
