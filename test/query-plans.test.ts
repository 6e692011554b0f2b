import { generateData } from "../bench/generate";
import { importActors } from "../subgraphs/actor/seed";
import { importIncidents } from "../subgraphs/incident/seed";
import type { Database } from "../subgraphs/lib/data-source";
import { importStatements } from "../subgraphs/statement/seed";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { type DatabaseUrls, startTestSystem, type TestSystem } from "./support/system";

// One query per filter and sort of the API. Every SQL statement they run is explained, and none may
// read a whole table: each filter and each order must be served by an index.
const QUERIES = [
  `{ incidents(first: 20) { edges { node { id } } } }`,
  `{ incidents(last: 20) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { from: "2031-01-01T00:00:00Z", to: "2031-06-01T00:00:00Z" }) { totalCount edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { countryCodes: ["SY"] }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { placeIds: ["place-iraq"] }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { place: "al-Asaf airbase" }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { near: { latitude: 33.3, longitude: 44.4, radiusKm: 50 } }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { types: [DRONE] }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { acledEventTypes: [BATTLES], acledSubEventTypes: [ARRESTS] }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { actorIds: ["gen-act-3"], role: PERPETRATOR, basis: CLAIMED }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { role: PERPETRATOR, basis: DECLINED_TO_CLAIM }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { minCasualties: 5 }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { updatedSince: "2100-01-01T00:00:00Z" }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { search: "drone" }) { edges { node { id } } } }`,
  `{ incidents(first: 20, filter: { search: "drone", countryCodes: ["IQ"] }) { edges { node { id } } } }`,
  `{ searchIncidents(query: "drone attack") { totalCount edges { node { id } } } }`,
  `{ incidentFacets(filter: { types: [ROCKET] }) { total byDay { key } byWeek { key } byType { key } byCountry { key } byPerpetrator { count } } }`,
  `{ resolveActor(name: "Kataib Hezbolah") { actor { id } } }`,
  `{ resolvePlace(name: "Shadadi") { place { id } } }`,
  `{ actors(first: 20, kind: ARMED_GROUP) { edges { node { id } } } }`,
  `{ actor(id: "gen-act-3") { incidents(first: 5, basis: CLAIMED) { totalCount edges { node { id } } } statements(first: 5) { totalCount edges { node { id } } } } }`,
  `{ statements(first: 20, filter: { speakerIds: ["gen-act-3"] }) { edges { node { id } } } }`,
  `{ statements(first: 20, filter: { onBehalfOfIds: ["gen-act-5"], stances: [CONDEMNS] }) { edges { node { id } } } }`,
  `{ statements(first: 20, filter: { incidentIds: ["gen-inc-7"], from: "2030-01-01", to: "2040-01-01" }) { edges { node { id } } } }`,
  `{ statements(first: 20, filter: { modes: [VERBATIM], channels: [CALL] }) { edges { node { id } } } }`,
  `{ statements(first: 20, filter: { search: "statement", updatedSince: "2100-01-01T00:00:00Z" }) { edges { node { id } } } }`,
  `{ searchStatements(query: "attack") { edges { node { id } } } }`,
  `{ figures(first: 20, filter: { metrics: [ATTACKS_ON_US_FORCES], includeDeprecated: false }) { edges { node { id } } } }`,
  `{ figures(first: 20, filter: { reporterIds: ["gen-act-3"], from: "2030-01-01", to: "2031-01-01" }) { edges { node { id } } } }`,
  `{ figureSeries(metric: ATTACKS_ON_US_FORCES, periodStart: "2023-10-17") { points { asOf } } }`,
  `{ sources(first: 5) { edges { node { id } } } }`,
  `{ places(first: 5) { edges { node { id } } } }`,
];

/** Tables that grow with the data (everything but the handful of places and sources). */
const LARGE =
  /\b(incident|participation|casualty_report|munition_report|damage_report|incident_report|incident_link|claim_status_report|statement|statement_stance|statement_incident|statement_actor|statement_quote|statement_appearance|reported_figure|actor|actor_alias|affiliation|actor_name_key|place_name_key)\b/;

async function recordedStatements(system: TestSystem): Promise<{ db: Database; query: string; parameters: unknown[] }[]> {
  const databases = Object.values(system.databases) as Database[];
  for (const db of databases) {
    db.sql.recorded = [];
    db.sql.record = true;
  }
  for (const query of QUERIES) {
    const answer = await system.query(query);
    expect({ query, errors: answer.body.errors }).toEqual({ query, errors: undefined });
  }
  for (const db of databases) db.sql.record = false;
  return databases.flatMap((db) => db.sql.recorded.filter((entry) => /^\s*(SELECT|WITH)/i.test(entry.query)).map((entry) => ({ db, ...entry })));
}

async function withData(databaseUrls: DatabaseUrls = {}): Promise<TestSystem> {
  const system = await startTestSystem("in-process", {}, databaseUrls);
  const data = generateData(3000);
  await importIncidents(system.databases.incident!, data.incident);
  await importActors(system.databases.actor!, data.actor);
  await importStatements(system.databases.statement!, data.statement);
  return system;
}

describe("query plans on SQLite", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await withData();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("serves every filter and sort from an index: no full scan of a growing table", async () => {
    const statements = await recordedStatements(system);
    expect(statements.length).toBeGreaterThan(QUERIES.length);
    const fullScans: string[] = [];
    const sortedWalks: string[] = [];
    for (const { db, query, parameters } of statements) {
      const plan: { detail: string }[] = await db.dataSource.query(`EXPLAIN QUERY PLAN ${query}`, parameters);
      // A search tested per row must walk the list order and stop after a page: never test every
      // incident of some other index (the places of a country) and sort them.
      if (query.includes("incident_search.rowid = (SELECT k.docid") && plan.some(({ detail }) => detail.includes("TEMP B-TREE")))
        sortedWalks.push(query.slice(0, 300));
      for (const { detail } of plan) {
        // "SCAN x" without an index is a full table scan; derived tables (subqueries, CTEs) and the
        // FTS5 virtual tables are not tables of rows.
        // The facets' maintained counts grow with the days and kinds of incidents, not their number:
        // facets over all time read every cell.
        const scan = /^SCAN (\w+)$/.exec(detail);
        const cells = query.includes('FROM "incident_facet_count"');
        if (scan && !cells && !["numbered", "pp", "sr", "inside", "matches", "q", "bounded"].includes(scan[1] ?? ""))
          fullScans.push(`${detail} in: ${query.slice(0, 160)}`);
      }
    }
    expect(fullScans).toEqual([]);
    expect(sortedWalks).toEqual([]);
    // "drone" is in a fifth of the 3,000 incidents: its first page tests each row it walks.
    expect(
      statements.some(({ query }) =>
        query.includes(
          'EXISTS (SELECT 1 FROM incident_search WHERE incident_search.rowid = (SELECT k.docid FROM "incident_search_key" k WHERE k.id = "i"."id")',
        ),
      ),
    ).toBe(true);
  });

  it("a search walked page by page, testing each row, lists exactly the incidents its count counts, newest first", async () => {
    const seen: { id: string; startsAt: string; title: string; summary: string }[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const answer = await system.query(
        `query($after: String) { incidents(first: 100, after: $after, filter: { search: "drone", countryCodes: ["IQ"] }) {
          totalCount pageInfo { endCursor hasNextPage } edges { node { id startsAt title summary } } } }`,
        { after },
      );
      expect(answer.body.errors).toBeUndefined();
      const page = answer.body.data.incidents;
      total = page.totalCount;
      seen.push(...page.edges.map((edge: { node: (typeof seen)[number] }) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThan(100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((row) => row.id)).size).toBe(total);
    expect(seen.every((row) => /drone/i.test(`${row.title} ${row.summary}`))).toBe(true);
    const order = seen.map((row) => `${row.startsAt} ${row.id}`);
    expect(order).toEqual([...order].sort().reverse());
  });
});

describeWithPostgres("query plans on PostgreSQL", () => {
  let system: TestSystem;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const databases = await createTestDatabases(`cg_plans_${process.pid}`);
    drop = databases.drop;
    system = await withData(databases.urls);
  });
  afterAll(async () => {
    await system?.stop();
    await drop?.();
  });

  it("can serve every filter and sort from an index (no Seq Scan on a growing table even when sequential scans are discouraged)", async () => {
    const statements = await recordedStatements(system);
    const seqScans: string[] = [];
    for (const { db, query, parameters } of statements) {
      const runner = db.dataSource.createQueryRunner();
      try {
        await runner.query("SET enable_seqscan = off");
        const plan: { "QUERY PLAN": string }[] = await runner.query(`EXPLAIN ${query}`, parameters);
        for (const line of plan.map((row) => row["QUERY PLAN"])) {
          const scan = /Seq Scan on (\w+)/.exec(line);
          if (scan && LARGE.test(scan[1] ?? "")) seqScans.push(`${line.trim()} in: ${query.slice(0, 160)}`);
        }
      } finally {
        await runner.release();
      }
    }
    expect(seqScans).toEqual([]);
  });
});
