import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { startTestSystem } from "./support/system";

// What an analyst does on the machine that holds the databases: `npm run import -- --direct` of an
// ACLED export of their own and a bundle for a sixth article, into a new data folder, then the graph
// through the gateway answers about both in one request, with evidence; the same import again
// changes nothing; a dry run of a broken export lists every problem by file and line and writes nothing.

const ROOT = join(__dirname, "..");
const SAMPLE = "test/fixtures/import/acled-sample.csv";
const BAD = "test/fixtures/import/acled-bad.csv";
const SIXTH = "test/fixtures/import/src-006.json";

function importCli(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ["dist/subgraphs/import.js", "--direct", "--quiet", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, INCIDENT_DATABASE_URL: "", ACTOR_DATABASE_URL: "", STATEMENT_DATABASE_URL: "", NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every row of every table of the three databases, as text (the FTS5 storage tables aside). */
async function digest(dataDir: string): Promise<string> {
  const out: string[] = [];
  for (const name of ["incident", "actor", "statement"]) {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(join(dataDir, `${name}.sqlite`), sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
    });
    const all = <Row>(sql: string) => new Promise<Row[]>((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))));
    const tables = await all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search_%' AND name NOT IN ('import_batch', 'data_version', 'migrations') ORDER BY name`,
    );
    for (const { name: table } of tables) out.push(`${name}.${table}`, JSON.stringify(await all(`SELECT * FROM "${table}" ORDER BY 1`)));
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
  return out.join("\n");
}

/** The tables of a SQLite file. */
async function tablesOf(file: string): Promise<string[]> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
  });
  const rows = await new Promise<{ name: string }[]>((resolve, reject) =>
    db.all(`SELECT name FROM sqlite_master WHERE type = 'table'`, (error, found) => (error ? reject(error) : resolve(found as { name: string }[]))),
  );
  await new Promise<void>((resolve) => db.close(() => resolve()));
  return rows.map((row) => row.name);
}

const BOTH = /* GraphQL */ `
  {
    acled: incident(id: "inc-acled-irq61001") {
      title
      acledSubEventType
      place {
        id
        name
      }
      participants {
        role
        actor {
          id
          name
        }
        evidence {
          sentence
          source {
            id
          }
        }
      }
      reports {
        evidence {
          sentence
          source {
            id
            title
          }
        }
      }
    }
    sixth: incident(id: "inc-2023-12-25-erbil-drone") {
      title
      participants {
        actor {
          id
          name
        }
      }
      statements {
        id
        text
        speaker {
          name
        }
        appearances {
          evidence {
            sentence
            source {
              id
            }
          }
        }
      }
    }
  }
`;

describe("npm run import -- --direct (ACLED export and a sixth article)", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "import-e2e-"));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("a dry run of a broken export lists its problems by file and line, exits 1 and writes nothing", async () => {
    const dry = importCli(dataDir, "--dry-run", BAD);
    expect(dry.code).toBe(1);
    const problems = dry.stderr.split("\n").filter((line) => line.includes("acled-bad.csv:"));
    expect(problems.length).toBeGreaterThanOrEqual(10);
    for (const line of problems) expect(line).toMatch(/acled-bad\.csv:\d+/);
    // Nothing written: no database file, or one without even the tables (a dry run migrates nothing).
    for (const name of ["incident", "actor", "statement"]) {
      const file = join(dataDir, `${name}.sqlite`);
      if (existsSync(file)) expect(await tablesOf(file)).toEqual([]);
    }
    // A dry run of the good sample finds nothing to report.
    expect(importCli(dataDir, "--dry-run", SAMPLE).code).toBe(0);
  });

  it("lands both, queryable through the gateway in one request with their evidence", async () => {
    const first = importCli(dataDir, SAMPLE, SIXTH);
    expect(first.stderr).not.toMatch(/problem|failed/i);
    expect(first.code).toBe(0);
    const system = await startTestSystem("embedded", { DATA_DIR: dataDir });
    try {
      const answer = await system.query(BOTH);
      expect(answer.body.errors).toBeUndefined();
      const { acled, sixth } = answer.body.data;
      // ACLED's "Ain al-Asad Airbase" is the dataset's "Ain al-Asad Air Base", found by name and coordinates, not made anew.
      expect(acled.place.name).toBe("Ain al-Asad Air Base");
      expect(acled.place.id).not.toMatch(/^place-acled/);
      const actors = acled.participants.map((p: { actor: { id: string } }) => p.actor.id);
      expect(actors).toContain("act-us-military");
      expect(actors.length).toBeGreaterThanOrEqual(2);
      for (const participant of acled.participants) {
        expect(participant.evidence.source.id).toBe("src-acled-irq61001");
        expect(participant.evidence.sentence).toContain("Islamic Resistance in Iraq claimed two drone attacks");
      }
      expect(sixth.participants.length).toBeGreaterThan(0);
      expect(sixth.statements.length).toBeGreaterThan(0);
      for (const statement of sixth.statements) {
        expect(statement.appearances.map((a: { evidence: { source: { id: string } } }) => a.evidence.source.id)).toContain("src-006");
      }
      // The seed (the five articles) is there too: a new data folder got it before the import.
      const seeded = await system.query(`{ incident(id: "inc-2023-12-08-baghdad-embassy") { title } }`);
      expect(seeded.body.data.incident.title).toBe("Attack on the US embassy in Baghdad");
    } finally {
      await system.stop();
    }
  });

  it("the same import again changes nothing, and so does the same data under another import id", async () => {
    const before = await digest(dataDir);
    const again = importCli(dataDir, SAMPLE, SIXTH);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\(1 already committed\), 0 rows written/);
    expect(await digest(dataDir)).toBe(before);
    const renamed = importCli(dataDir, "--import-id", "the-same-again", SAMPLE, SIXTH);
    expect(renamed.code).toBe(0);
    expect(await digest(dataDir)).toBe(before);
  });
});
