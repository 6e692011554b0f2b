import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { writeGeneratedNdjson } from "../bench/ndjson";

// The import is killed with SIGKILL at random moments and resumed, as an operator would after a
// crash: `node dist/subgraphs/import.js --direct` as a real child process, on a generated .ndjson
// stream. After every kill the databases must hold exactly the batches the ledger says (each whole,
// none half), every batch the process acknowledged, a search index equal to the rows, and pass
// SQLite's integrity check; the finished import must equal one clean run.

const ROOT = join(__dirname, "..");
const INCIDENTS = 12_000;
const BATCH = 150;
const KILLS = 20;
/** Bundles before the first incident in the generated stream (places, actors and the source). */
const GAZETTEER_LINES = 2;
const SENTENCE = "A generated sentence stands in for an article's sentence.";

interface Run {
  acked: Set<number>;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the import; with `kill`, SIGKILLs it `delayMs` after its `afterAcks`-th new commit (0: after it opened the databases). */
function runImport(dataDir: string, file: string, args: string[], kill?: { afterAcks: number; delayMs: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, ["dist/subgraphs/import.js", "--direct", "--batch-size", String(BATCH), ...args, file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, INCIDENT_DATABASE_URL: "", ACTOR_DATABASE_URL: "", STATEMENT_DATABASE_URL: "" },
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
function batchOf(n: number): number {
  return Math.floor((n + GAZETTEER_LINES) / BATCH);
}

/** Incidents the input puts in batch `k`. */
function incidentsIn(k: number): number {
  const first = Math.max(0, k * BATCH - GAZETTEER_LINES);
  const last = Math.min(INCIDENTS, (k + 1) * BATCH - GAZETTEER_LINES);
  return Math.max(0, last - first);
}

/** Ids `<prefix><n>` per batch (the bundled dataset's rows, seeded into the new databases first, aside). */
function perBatch(ids: string[], prefix: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const k = batchOf(Number(id.slice(prefix.length)));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** Checks the databases after a kill; returns the batches the ledger has (per subgraph). */
async function checkConsistent(dataDir: string, acked: Set<number>): Promise<{ incident: Set<number>; statement: Set<number> }> {
  const ledgers = { incident: new Set<number>(), statement: new Set<number>() };
  for (const name of ["incident", "actor", "statement"] as const) {
    const db = await open(join(dataDir, `${name}.sqlite`));
    try {
      expect(await all<{ integrity_check: string }>(db, "PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      const tables = await all<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE name = 'import_batch'");
      if (tables.length === 0) continue;
      const ledger = new Set((await all<{ batch: number }>(db, "SELECT batch FROM import_batch")).map((row) => row.batch));
      if (name === "actor") {
        // The actors are all in the first batch: all there or none.
        const [{ n }] = await all<{ n: number }>(db, "SELECT COUNT(*) AS n FROM actor WHERE id LIKE 'gen-act-%'");
        expect(n).toBe(ledger.has(0) ? INCIDENTS / 10 : 0);
        continue;
      }
      ledgers[name] = ledger;
      const [table, prefix, facts] =
        name === "incident"
          ? ["incident", "gen-inc-", ["participation", "munition_report", "incident_report"]]
          : ["statement", "gen-stmt-", ["statement_stance", "statement_appearance"]];
      const ids = (await all<{ id: string }>(db, `SELECT id FROM ${table}`)).map((row) => row.id);
      const counts = perBatch(ids, prefix);
      for (let k = 0; k * BATCH < INCIDENTS + GAZETTEER_LINES; k++) {
        // A batch is whole when the ledger has it and absent when not: never half there.
        expect([k, counts.get(k) ?? 0]).toEqual([k, ledger.has(k) ? incidentsIn(k) : 0]);
      }
      for (const fact of facts) {
        const column = name === "incident" ? "incidentId" : "statementId";
        const owners = (await all<{ owner: string }>(db, `SELECT "${column}" AS owner FROM ${fact}`)).map((row) => row.owner);
        const perOwner = fact === "participation" ? 2 : 1;
        const factCounts = perBatch(owners, prefix);
        for (const [k, n] of counts) expect([fact, k, factCounts.get(k)]).toEqual([fact, k, n * perOwner]);
      }
      // The search index equals the rows: one document per row, at the rowid its id's key gives it, with its text.
      const [{ docs }] = await all<{ docs: number }>(db, `SELECT COUNT(*) AS docs FROM ${table}_search`);
      const body = name === "incident" ? `e.title || char(10) || e.summary || char(10) || :sentence` : `e.text || char(10) || :sentence`;
      const [{ matching }] = await all<{ matching: number }>(
        db,
        `SELECT COUNT(*) AS matching FROM ${table} e JOIN ${table}_search_key k ON k.id = e.id JOIN ${table}_search s ON s.rowid = k.docid AND s.id = e.id WHERE s.body = ${body}`,
        [SENTENCE],
      );
      const [{ joined }] = await all<{ joined: number }>(
        db,
        `SELECT COUNT(*) AS joined FROM ${table} e JOIN ${table}_search_key k ON k.id = e.id JOIN ${table}_search s ON s.rowid = k.docid AND s.id = e.id`,
      );
      // Every row has its document (the seeded rows too); the generated rows' documents are their text.
      const generated = ids.filter((id) => id.startsWith(prefix)).length;
      expect([docs, joined, matching]).toEqual([ids.length, ids.length, generated]);
    } finally {
      await close(db);
    }
  }
  // Every batch the process acknowledged is committed in every database it has rows in.
  for (const k of acked) {
    expect([k, ledgers.incident.has(k) || incidentsIn(k) === 0]).toEqual([k, true]);
    expect([k, ledgers.statement.has(k) || incidentsIn(k) === 0]).toEqual([k, true]);
  }
  return ledgers;
}

/** A digest of every table of every database (rows sorted; write times left out), to compare two imports. */
async function digest(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ["incident", "actor", "statement"]) {
    const db = await open(join(dataDir, `${name}.sqlite`));
    try {
      const tables = await all<{ name: string }>(
        db,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search_%' AND name NOT IN ('data_version', 'migrations')",
      );
      for (const { name: table } of tables) {
        const rows = await all<Record<string, unknown>>(db, table.endsWith("_search") ? `SELECT id, body FROM ${table}` : `SELECT * FROM ${table}`);
        const lines = rows.map((row) => {
          const kept = { ...row };
          delete kept.updatedAt;
          delete kept.committedAt;
          return JSON.stringify(kept);
        });
        lines.sort();
        out[`${name}.${table}`] = `${lines.length} rows, ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
      }
    } finally {
      await close(db);
    }
  }
  return out;
}

describe("import: killed with SIGKILL at random moments and resumed", () => {
  const dir = mkdtempSync(join(tmpdir(), "import-crash-"));
  const file = join(dir, "generated.ndjson");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    await writeGeneratedNdjson(file, INCIDENTS);
  }, 120_000);

  it(`loses no acknowledged batch, never leaves half a batch, keeps the search index equal to the rows, and ends equal to one clean import (${KILLS} kills)`, async () => {
    const crashed = join(dir, "crashed");
    const figures: string[] = [];
    let kills = 0;
    const acked = new Set<number>();
    while (kills < KILLS) {
      const plan = { afterAcks: Math.floor(Math.random() * 3), delayMs: Math.floor(Math.random() * 400) };
      const run = await runImport(crashed, file, [], plan);
      for (const k of run.acked) acked.add(k);
      if (run.signal === "SIGKILL") kills += 1;
      else expect({ code: run.code, stderr: run.stderr.split("\n").filter((line) => !line.startsWith("import:")) }).toEqual({ code: 0, stderr: [""] });
      const ledgers = await checkConsistent(crashed, acked);
      figures.push(`${run.signal ?? `exit ${run.code}`} after ${plan.afterAcks} ack(s) + ${plan.delayMs} ms: ${ledgers.incident.size} batches committed`);
      if (run.signal !== "SIGKILL") break;
    }
    console.log(`import crash test, ${INCIDENTS} incidents in batches of ${BATCH}:\n${figures.join("\n")}`);
    expect(kills).toBe(KILLS);
    const final = await runImport(crashed, file, []);
    expect(final.code).toBe(0);
    await checkConsistent(crashed, acked);

    const clean = join(dir, "clean");
    expect((await runImport(clean, file, [])).code).toBe(0);
    expect(await digest(crashed)).toEqual(await digest(clean));
  }, 900_000);

  it("two importers at once, one killed mid-way: every batch the other acknowledged is there, and both resume to the full data", async () => {
    const shared = join(dir, "concurrent");
    const otherFile = join(dir, "other.ndjson");
    await writeGeneratedNdjson(otherFile, INCIDENTS);
    // Same generated ids in both files, so their batches overwrite each other's rows: the ledger ids differ (different files).
    const [steady, killed] = await Promise.all([runImport(shared, file, []), runImport(shared, otherFile, [], { afterAcks: 3, delayMs: 100 })]);
    expect([steady.code, steady.stderr.split("\n").filter((line) => !line.startsWith("import:"))]).toEqual([0, [""]]);
    expect([killed.signal, killed.stderr.split("\n").filter((line) => !line.startsWith("import:"))]).toEqual(["SIGKILL", [""]]);
    await checkConsistent(shared, steady.acked);
    expect(steady.acked.size).toBe(Math.ceil((INCIDENTS + GAZETTEER_LINES) / BATCH));
  }, 600_000);
});
