import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { SUBGRAPHS } from "../subgraphs";
import { DatabaseFailureLatch } from "../subgraphs/lib/database-health";
import type { RunningService } from "../subgraphs/lib/http";
import { openSubgraphDatabase, startSubgraph } from "../subgraphs/lib/start-subgraph";
import { startOneSubgraph } from "./support/subgraph";
import { startTestSystem, type TestSystem } from "./support/system";

// What an operator's orchestrator and monitoring see: /health/ready must tell the truth about the
// database, say nothing internal on the public port, and /metrics must not grow with junk requests.

/** Hosts, ports, file paths and SQL: none of it belongs in a public health answer. */
const INTERNALS = /127\.0\.0\.1|localhost|:\d{2,5}\b|\/tmp|\.sqlite|SELECT |FROM |npm run/i;

async function getText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}
const readyOf = (service: { url: string }) => getText(new URL("/health/ready", service.url).toString());

describe("/metrics", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded", { NODE_ENV: "production" });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("does not grow with junk paths: 2,000 of them add one `other` route, not 2,000 series", async () => {
    const metrics = new URL("/metrics", system.url).toString();
    // The first junk path and the first scrape add their series (`other`, `/metrics`) before measuring.
    await fetch(new URL("/no-such-page", system.url));
    await getText(metrics);
    const before = (await getText(metrics)).text.length;
    for (let start = 0; start < 2000; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(new URL(`/junk/${start + i}?x=${start + i}`, system.url)).then((r) => r.arrayBuffer())));
    }
    const after = await getText(metrics);
    expect(after.text).not.toMatch(/junk/);
    expect(after.text).toMatch(/http_request_duration_seconds_count\{service="gateway",route="other",status="404"\} 2001/);
    // Default process metrics change a little between scrapes (a kind of GC seen for the first time
    // adds a series); labelled by path, the same 2,000 requests added 2.7 MB.
    expect(after.text.length - before).toBeLessThan(4000);
  });
});

/**
 * Seeds a subgraph's SQLite file, then overwrites its pages from the root page of table `from` to the
 * end with garbage. Page 1 (the header and the whole schema) stays intact, so the file still opens.
 */
async function corruptFrom(dataDir: string, name: "actor", from: string): Promise<void> {
  const db = await openSubgraphDatabase(SUBGRAPHS[name], { dataDir });
  // The schema must stay readable on page 1: with the default 4 KB pages it no longer fits there (it
  // spills onto later pages, which the garbage would hit); 64 KB pages hold it whole.
  await db.dataSource.query("PRAGMA journal_mode = DELETE");
  await db.dataSource.query("PRAGMA page_size = 65536");
  await db.dataSource.query("VACUUM");
  const [{ page_size: pageSize }] = (await db.dataSource.query("PRAGMA page_size")) as { page_size: number }[];
  const [{ page_count: pageCount }] = (await db.dataSource.query("PRAGMA page_count")) as { page_count: number }[];
  const [{ rootpage: first }] = (await db.dataSource.query("SELECT rootpage FROM sqlite_master WHERE name = ?", [from])) as { rootpage: number }[];
  await db.dataSource.destroy(); // checkpoints the WAL into the file
  const file = openSync(join(dataDir, `${name}.sqlite`), "r+");
  const garbage = Buffer.alloc(pageSize, 0xa5);
  for (let page = first; page <= pageCount; page += 1) writeSync(file, garbage, 0, pageSize, (page - 1) * pageSize);
  closeSync(file);
}

// `affiliation` and after: the table the seed check counts (`actor`) still reads, the others do not
// (what `SELECT 1` could not see). `actor` and after: every table.
describe.each(["affiliation", "actor"])("/health/ready on a database corrupted from table %s on", (from) => {
  let dataDir: string;
  let actor: RunningService | undefined;
  let incident: RunningService;
  let statement: RunningService;
  let gateway: TestSystem | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "health-"));
    await corruptFrom(dataDir, "actor", from);
    [incident, statement] = await Promise.all([startOneSubgraph("incident"), startOneSubgraph("statement")]);
    const db = await openSubgraphDatabase(SUBGRAPHS.actor, { dataDir });
    actor = await startSubgraph(SUBGRAPHS.actor, {
      host: "127.0.0.1",
      port: 0,
      db,
      logger: pino({ level: "silent" }),
      production: true,
      closeDatabaseOnStop: true,
    });
    gateway = await startTestSystem("gateway-only", { NODE_ENV: "production", ACTOR_URL: actor.url, INCIDENT_URL: incident.url, STATEMENT_URL: statement.url });
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([actor?.stop(), incident?.stop(), statement?.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the subgraph starts, answers live, and is not ready, saying why without a path or SQL", async () => {
    expect((await getText(new URL("/health/live", actor!.url).toString())).status).toBe(200);
    const ready = await readyOf(actor!);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: "unavailable", service: "actor", reason: expect.stringMatching(/^the database .*\(SQLITE_CORRUPT\)$/) });
    expect(ready.text).not.toMatch(INTERNALS);
  });

  it("the gateway in front of it is not ready, naming the subgraph and not its URL", async () => {
    const ready = await readyOf(gateway!);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({ status: "unavailable", service: "gateway", reason: 'subgraph "actor" is not ready (it answered HTTP 503)' });
    expect(ready.text).not.toMatch(INTERNALS);
    expect(ready.text).not.toContain(String(actor!.port));
  });

  it("queries on it do fail: not ready is no false alarm", async () => {
    const answer = await gateway!.query(`{ resolveActor(name: "Kataib Hezbollah") { __typename } }`);
    expect(answer.body.errors?.[0]?.message).toMatch(/Internal error/);
  });
});

describe("/health/ready on healthy databases", () => {
  it("a healthy system stays ready", async () => {
    const [healthy, incident, statement] = await Promise.all([startOneSubgraph("actor"), startOneSubgraph("incident"), startOneSubgraph("statement")]);
    const system = await startTestSystem("gateway-only", {
      NODE_ENV: "production",
      ACTOR_URL: healthy.url,
      INCIDENT_URL: incident.url,
      STATEMENT_URL: statement.url,
    });
    try {
      expect(await readyOf(healthy)).toEqual({ status: 200, text: JSON.stringify({ status: "ready", service: "actor" }) });
      expect(await readyOf(system)).toEqual({ status: 200, text: JSON.stringify({ status: "ready", service: "gateway" }) });
    } finally {
      await system.stop();
      await Promise.all([healthy.stop(), incident.stop(), statement.stop()]);
    }
  });
});

describe("the database failure latch", () => {
  it("holds a database-level failure for its window, ignores a bad statement, and names no path or SQL", () => {
    let now = 0;
    const latch = new DatabaseFailureLatch(30_000, () => now);
    latch.note(Object.assign(new Error("SQLITE_ERROR: no such column: x in SELECT x FROM /data/actor.sqlite"), { code: "SQLITE_ERROR" }));
    expect(latch.reason()).toBeUndefined();
    latch.note({ driverError: Object.assign(new Error("SQLITE_IOERR: disk I/O error"), { code: "SQLITE_IOERR" }) });
    now = 12_000;
    expect(latch.reason()).toBe("the database failed a query 12 s ago (SQLITE_IOERR)");
    now = 30_001;
    expect(latch.reason()).toBeUndefined();
    latch.note(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
    expect(latch.reason()).toBe("the database failed a query 0 s ago (57P01)");
  });
});
