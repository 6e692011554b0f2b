import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import sqlite3 from "sqlite3";
import { writeGeneratedNdjson } from "../bench/ndjson";
import { runCommand } from "./support/command";
import { searchIndexProblemsAt } from "./support/search-index";
import { startTestSystem, type TestSystem } from "./support/system";

// An operator's maintenance of the SQLite files must not break full-text search: after a VACUUM, and
// after the rows' rowids move (SQLite promises to keep the rowids of a table without an INTEGER
// PRIMARY KEY through nothing; a dump restored or a table rebuilt renumbers them), the index still
// matches the rows, later writes replace the right documents, and searches find what the rows say.

const ROOT = join(__dirname, "..");
const INCIDENTS = 400;
/** Every tenth generated incident and statement is rewritten after the maintenance. */
const renamed = (n: number) => n % 10 === 3;

function exec(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) return reject(error);
      db.exec(sql, (failed) => db.close(() => (failed ? reject(failed) : resolve())));
    });
  });
}

function rowids(file: string, table: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all(`SELECT rowid, id FROM "${table}"`, (failed, rows: { rowid: number; id: string }[]) =>
        db.close(() => (failed ? reject(failed) : resolve(new Map(rows.map((row) => [row.id, row.rowid]))))),
      );
    });
  });
}

const importDirect = (dataDir: string, file: string) =>
  runCommand(process.execPath, ["dist/subgraphs/import.js", "--direct", "--quiet", file], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, INCIDENT_DATABASE_URL: "", ACTOR_DATABASE_URL: "", STATEMENT_DATABASE_URL: "" },
  });

/** Every id a search finds, paging through all of it. */
async function found(system: TestSystem, field: "searchIncidents" | "searchStatements", query: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const answer = await system.query(
      `query Found($query: String!, $after: String) { ${field}(query: $query, first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { query, after },
    );
    expect(answer.body.errors).toBeUndefined();
    const page = answer.body.data![field] as { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    ids.push(...page.edges.map((edge) => edge.node.id));
    if (!page.pageInfo.hasNextPage) return ids.sort();
    after = page.pageInfo.endCursor;
  }
}

describe("full-text search after VACUUM and renumbered rowids (SQLite)", () => {
  const dir = mkdtempSync(join(tmpdir(), "search-vacuum-"));
  const dataDir = join(dir, "data");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the index equal to the rows, and later writes and searches right", async () => {
    const first = join(dir, "generated.ndjson");
    await writeGeneratedNdjson(first, INCIDENTS);
    expect((await importDirect(dataDir, first)).code).toBe(0);

    // Maintenance with nothing running: each indexed table rebuilt in another order (its rows
    // renumbered), then VACUUM.
    const moved: Record<string, number> = {};
    for (const table of ["incident", "statement"]) {
      const file = join(dataDir, `${table}.sqlite`);
      const before = await rowids(file, table);
      await exec(
        file,
        `CREATE TEMP TABLE moved AS SELECT * FROM "${table}" ORDER BY id DESC;
         DELETE FROM "${table}";
         INSERT INTO "${table}" SELECT * FROM moved;
         DROP TABLE moved;
         VACUUM;`,
      );
      const after = await rowids(file, table);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      moved[table] = [...after].filter(([id, rowid]) => before.get(id) !== rowid).length;
    }
    // The premise: most rows now have other rowids.
    expect(moved.incident).toBeGreaterThan(INCIDENTS / 2);
    expect(moved.statement).toBeGreaterThan(INCIDENTS / 2);
    expect(await searchIndexProblemsAt({ dataDir })).toEqual({ incident: [], statement: [] });

    // Then an import of every tenth incident and statement, rewritten (new title, summary, text): the
    // other documents must stay as they are.
    const second = join(dir, "rewritten.ndjson");
    const lines: string[] = [];
    for await (const line of createInterface({ input: createReadStream(first) })) {
      let rewritten = false;
      const bundle = JSON.parse(line) as {
        incident?: { incidents?: { id: string; title: string; summary: string }[] };
        statement?: { statements?: { id: string; text: string }[] };
      };
      for (const incident of bundle.incident?.incidents ?? []) {
        const n = Number(incident.id.replace("gen-inc-", ""));
        if (!renamed(n)) continue;
        Object.assign(incident, { title: `Renamed zeppelin raid ${n}`, summary: `A zeppelin raid, ${n}.` });
        rewritten = true;
      }
      for (const statement of bundle.statement?.statements ?? []) {
        const n = Number(statement.id.replace("gen-stmt-", ""));
        if (renamed(n)) statement.text = `A zeppelin remark ${n}.`;
      }
      if (rewritten) lines.push(JSON.stringify(bundle));
    }
    writeFileSync(second, `${lines.join("\n")}\n`);
    expect((await importDirect(dataDir, second)).code).toBe(0);
    expect(await searchIndexProblemsAt({ dataDir })).toEqual({ incident: [], statement: [] });

    // Searched through the running system: the rewritten ones by their new words only, every other
    // generated one (each with "number <n>" in its summary, "Generated statement <n>" as its text) still found.
    const system = await startTestSystem("embedded", { DATA_DIR: dataDir });
    try {
      const numbers = [...Array(INCIDENTS).keys()];
      const ids = (prefix: string, keep: (n: number) => boolean) =>
        numbers
          .filter(keep)
          .map((n) => `${prefix}${n}`)
          .sort();
      expect(await found(system, "searchIncidents", "zeppelin raid")).toEqual(ids("gen-inc-", renamed));
      expect((await found(system, "searchIncidents", "number")).filter((id) => id.startsWith("gen-inc-"))).toEqual(ids("gen-inc-", (n) => !renamed(n)));
      expect(await found(system, "searchStatements", "zeppelin remark")).toEqual(ids("gen-stmt-", renamed));
      expect((await found(system, "searchStatements", "generated statement")).filter((id) => id.startsWith("gen-stmt-"))).toEqual(
        ids("gen-stmt-", (n) => !renamed(n)),
      );
    } finally {
      await system.stop();
    }
  }, 180_000);
});
