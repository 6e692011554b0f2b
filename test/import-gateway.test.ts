import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import sqlite3 from "sqlite3";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { generateData, generatedBundles } from "../bench/generate";
import { type CommandRun, runCommand } from "./support/command";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { type DatabaseUrls, post, send, startTestSystem, type TestSystem } from "./support/system";
import { signToken, TEST_JWT_SECRET } from "./support/tokens";

// `npm run import` through the gateway, as a user runs it: `node dist/subgraphs/import.js --gateway
// <url> --token <jwt>` as a child process against the real system in production mode (JWT_SECRET),
// on the ACLED sample export and the made-up sixth article; then what landed is read back through
// the gateway in one request, with its evidence.

const FIXTURES = join(__dirname, "fixtures", "import");
const SAMPLE = join(FIXTURES, "acled-sample.csv");
const SIXTH = join(FIXTURES, "src-006.json");
const BAD = join(FIXTURES, "acled-bad.csv");

/** Stderr without the progress bar's lines (`import: 17 bundles, ...`). */
const problemsIn = (run: CommandRun): string =>
  run.stderr
    .split(/[\r\n]+/)
    .filter((line) => line.trim() !== "" && !/^import: \d+ bundles/.test(line))
    .join("\n");

/** A port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** SQLite: every table of every database (rows sorted, with the data version), digested, to compare before and after a re-import. */
async function sqliteDigest(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ["incident", "actor", "statement"]) {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(join(dataDir, `${name}.sqlite`), sqlite3.OPEN_READONLY, (error) => (error ? reject(error) : resolve(opened)));
    });
    const all = <Row>(sql: string) => new Promise<Row[]>((resolve, reject) => db.all(sql, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))));
    try {
      const tables = await all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
      for (const { name: table } of tables) {
        const lines = (await all<Record<string, unknown>>(`SELECT * FROM "${table}"`)).map((row) => JSON.stringify(row)).sort();
        out[`${name}.${table}`] = `${lines.length} rows, ${createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16)}`;
      }
    } finally {
      await new Promise<void>((resolve) => db.close(() => resolve()));
    }
  }
  return out;
}

/** Runs the import; `env` is added to the environment (which otherwise has no IMPORT_TOKEN). */
function runImport(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CommandRun> {
  return runCommand(process.execPath, ["dist/subgraphs/import.js", ...args], {
    cwd: join(__dirname, ".."),
    // No database settings: through the gateway, the import never opens a database.
    env: { ...process.env, DATA_DIR: "/nonexistent-import-must-not-open-databases", IMPORT_TOKEN: "", ...env },
  });
}

/** One request through the gateway, with a token. */
async function call(url: string, query: string, token?: string, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  return send(url, JSON.stringify({ query, variables }), headers);
}

const LANDED = `query Landed {
  incident(id: "inc-acled-irq61001") {
    id
    title
    participants { actor { id name } role basis }
    reports { account evidence { sentence source { id title } } }
  }
  statement(id: "stmt-iri-claims-erbil-drone") {
    id
    text
    appearances { evidence { sentence source { id title } } }
    stances { kind }
  }
}`;

const AUDIT = `query Audit($since: DateTime) {
  incidentWrites(since: $since, first: 100) { totalCount edges { node { operation entityType entityId importId by } } }
  actorWrites(since: $since, first: 100) { totalCount }
  statementWrites(since: $since, first: 100) { totalCount edges { node { operation entityType entityId importId } } }
}`;

function importSuite(databases: () => Promise<{ urls: DatabaseUrls; drop(): Promise<void> }>, sqlite = false) {
  let system: TestSystem;
  let drop: () => Promise<void> = async () => undefined;
  let importer: string;
  let reader: string;
  beforeAll(async () => {
    const created = await databases();
    drop = created.drop;
    system = await startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET }, created.urls);
    importer = await signToken({ sub: "importer-1", scope: "write:import" });
    reader = await signToken({ sub: "reader-1", scope: "read" });
  });
  afterAll(async () => {
    await system?.stop();
    await drop();
  });

  async function audit() {
    const answer = await call(system.url, AUDIT, importer);
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data;
  }

  it("refuses a token without scope write:import with one clear line, exit 1, and writes nothing", async () => {
    const before = await audit();
    // --token wins over IMPORT_TOKEN.
    const run = await runImport(["--gateway", system.url, "--token", reader, SAMPLE, SIXTH], { IMPORT_TOKEN: importer });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/token lacks scope write:import \(403 FORBIDDEN/);
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((line) => line.startsWith("import failed")),
    ).toHaveLength(1);
    const none = await runImport(["--gateway", system.url, SAMPLE]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/refused the token \(401 UNAUTHENTICATED\).*scope write:import/);
    expect(await audit()).toEqual(before);
    expect((await post(system.url, LANDED)).body.data.incident).toBeNull();
  });

  it("a dry run through the gateway lists every problem with file:line and writes nothing", async () => {
    const before = await audit();
    const run = await runImport(["--gateway", system.url, "--token", importer, "--dry-run", BAD]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/acled-bad\.csv:\d+: /);
    expect(run.stdout).toMatch(/dry run/);
    expect(await audit()).toEqual(before);
  });

  it("imports the ACLED sample and the sixth article: readable in one request with evidence, audited, and a re-run changes nothing", async () => {
    const since = new Date().toISOString();
    const first = await runImport(["--gateway", system.url, "--token", importer, "--import-id", "gw-test-1", SAMPLE, SIXTH]);
    expect([first.code, problemsIn(first)]).toEqual([0, ""]);
    expect(first.stdout).toMatch(/through http/);
    expect(first.stdout).toMatch(/committed batch 0: \d+ rows/);

    const landed = await post(system.url, LANDED);
    expect(landed.body.errors).toBeUndefined();
    const { incident, statement } = landed.body.data;
    expect(incident.participants.map((p: { actor: { name: string } }) => p.actor.name).length).toBeGreaterThan(0);
    expect(incident.participants.every((p: { actor: { name: string } }) => typeof p.actor.name === "string" && p.actor.name.length > 0)).toBe(true);
    expect(incident.reports[0].evidence.source.id).toBe("src-acled-irq61001");
    expect(incident.reports[0].evidence.sentence.length).toBeGreaterThan(0);
    expect(statement.appearances[0].evidence.source.id).toBe("src-006");
    expect(statement.appearances[0].evidence.sentence.length).toBeGreaterThan(0);
    expect(statement.stances.length).toBeGreaterThan(0);

    // One audit row per batch and subgraph, naming the import.
    const written = (await call(system.url, AUDIT, importer, { since })).body.data;
    expect(written.incidentWrites.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { operation: "importIncidentBatch", entityType: "ImportBatch", entityId: "gw-test-1:0", importId: "gw-test-1", by: "importer-1" },
    ]);
    expect(written.statementWrites.totalCount).toBe(1);
    expect(written.actorWrites.totalCount).toBe(1);

    const before = await audit();
    const tables = sqlite ? await sqliteDigest(system.dataDir) : {};
    // The token from the configuration (IMPORT_TOKEN) when no --token is given.
    const again = await runImport(["--gateway", system.url, "--import-id", "gw-test-1", SAMPLE, SIXTH], { IMPORT_TOKEN: importer });
    expect([again.code, problemsIn(again)]).toEqual([0, ""]);
    expect(again.stdout).toMatch(/committed batch 0: already committed/);
    expect(again.stdout).toMatch(/\(1 already committed\), 0 rows written/);
    expect(await audit()).toEqual(before);
    // Every row, ledger and data version as they were (SQLite: read from the files).
    if (sqlite) expect(await sqliteDigest(system.dataDir)).toEqual(tables);
    expect((await post(system.url, LANDED)).body).toEqual(landed.body);
  });

  it("cuts a stream of large bundles into batches that fit the gateway's default MAX_BODY", async () => {
    // The gazetteer bundles of 100,000 generated incidents: 10,000 actors and 5,000 places in 10
    // bundles of 0.3 to 0.5 MB. Within one batch of --batch-size bundles (500) the actor section alone
    // would be 3 MB, refused with 413 by the 2mb default; batches close at 1.5 MB of input instead.
    const bundles: string[] = [];
    for (const bundle of generatedBundles(generateData(100_000))) {
      if ((bundle.incident as { incidents?: unknown } | undefined)?.incidents) break;
      bundles.push(JSON.stringify(bundle));
    }
    expect(bundles.length).toBe(10);
    const dir = mkdtempSync(join(tmpdir(), "gazetteer-"));
    try {
      const file = join(dir, "gazetteer.ndjson");
      writeFileSync(file, `${bundles.join("\n")}\n`);
      const run = await runImport(["--gateway", system.url, "--token", importer, file]);
      expect(problemsIn(run)).toBe("");
      expect(run.code).toBe(0);
      const batches = run.stdout.match(/^committed batch \d+: \d+ rows$/gm) ?? [];
      expect(batches).toHaveLength(3);
      expect(run.stdout).toMatch(/imported 10 bundles in 3 batches/);
      const landed = await post(
        system.url,
        `{ first: actor(id: "gen-act-0") { name } last: actor(id: "gen-act-9999") { name } place(id: "gen-place-4999") { name } }`,
      );
      expect(landed.body).toEqual({
        data: { first: { name: "Generated group 0" }, last: { name: "Generated group 9999" }, place: { name: "Generated base 4999" } },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad section with BAD_USER_INPUT naming the JSON path, and a changed batch under the same import id", async () => {
    const mutation = `mutation($section: String!, $checksum: String!) { importIncidentBatch(importId: "gw-test-1", batch: 7, checksum: $checksum, section: $section) { written rows } }`;
    const bad = await call(system.url, mutation, importer, { section: JSON.stringify({ incidents: [{ id: "x" }] }), checksum: "abc" });
    expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.body.errors?.[0].message).toMatch(/\$\.incident\.incidents\[0\]\./);
    const changed = await call(system.url, mutation.replace("batch: 7", "batch: 0"), importer, { section: JSON.stringify({}), checksum: "abc" });
    expect(changed.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(changed.body.errors?.[0].message).toMatch(/committed with different content/);
  });
}

describe("npm run import through the gateway (SQLite, production mode)", () => {
  importSuite(async () => ({ urls: {}, drop: async () => undefined }), true);

  it("reads the servers' configuration: a bad setting stops it with exit 2 naming the variable, a mistyped one is named", async () => {
    const bad = await runImport(["--direct", SAMPLE], { INCIDENT_DATABASE_URL: "not a url" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Invalid configuration: INCIDENT_DATABASE_URL="not a url": /);
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const typo = await runImport(["--gateway", url, SAMPLE], { IMPORT_TOKN: "x" });
    expect(typo.stderr).toMatch(/IMPORT_TOKN is not a conflict-graph setting and is ignored; did you mean IMPORT_TOKEN\?/);
    expect(typo.stderr).toMatch(/the gateway at .* is not reachable/);
  });

  it("says in one line when the gateway is down", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    const run = await runImport(["--gateway", url, "--token", "x", SAMPLE]);
    expect(run.code).toBe(1);
    expect(problemsIn(run)).toBe(
      `import failed: the gateway at ${url} is not reachable (ECONNREFUSED): start it, or pass --gateway <url> (or --direct on the machine that holds the databases)`,
    );
  });
});

describeWithPostgres("npm run import through the gateway (PostgreSQL, production mode)", () => {
  importSuite(() => createTestDatabases("import_gateway"));
});
