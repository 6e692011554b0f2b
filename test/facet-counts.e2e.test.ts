import { generateData } from "../bench/generate";
import { importIncidents } from "../subgraphs/incident/seed";
import type { Database } from "../subgraphs/lib/data-source";
import { cellsAndIncidents } from "./support/facet-counts";
import { signToken } from "./support/tokens";
import { call, onBothDatabases, type StartedWrites } from "./support/writes";

// The facets' maintained counts (`incident_facet_count`, kept by triggers) against the incidents they
// count, after every kind of write: the seed, a bulk import and its repeat, the write API creating,
// changing and retracting an incident, a place moving country, and rows deleted by hand. The facets
// read through the gateway from the counts must equal what the incidents themselves give.

const EVIDENCE = { sourceId: "src-000", sentence: "A test sentence of the article." };

const FACETS = `query ($filter: IncidentFilter) {
  incidentFacets(filter: $filter) { total byDay { key count } byWeek { key count } byType { key count } byCountry { key count } }
  incidents(filter: $filter, first: 0) { totalCount }
}`;

function suite(start: () => Promise<StartedWrites>): void {
  let started: StartedWrites;
  let db: Database;
  let writer: string;
  beforeAll(async () => {
    started = await start();
    db = started.system.databases.incident!;
    writer = await signToken({ sub: "analyst-9", scope: "write:incident" });
  });
  afterAll(async () => {
    await started?.system.stop();
  });

  async function expectConsistent(): Promise<void> {
    const { cells, incidents, negative } = await cellsAndIncidents(db);
    expect(incidents.length).toBeGreaterThan(0);
    expect(cells).toEqual(incidents);
    expect(negative).toBe(0);
    // Through the gateway: the counts' total equals the incidents' own count, and each facet sums to it.
    for (const filter of [null, { countryCodes: ["IQ"] }, { types: ["DRONE", "ROCKET"], from: "2023-11-01T00:00:00Z", to: "2031-06-30T00:00:00Z" }]) {
      const answer = await call(started.system.url, FACETS, { filter });
      expect(answer.body.errors).toBeUndefined();
      const { incidentFacets: facets, incidents: list } = answer.body.data;
      expect(facets.total).toBe(list.totalCount);
      const sum = (buckets: { count: number }[]) => buckets.reduce((total, bucket) => total + bucket.count, 0);
      for (const facet of [facets.byDay, facets.byWeek, facets.byType, facets.byCountry]) expect(sum(facet)).toBe(facets.total);
      expect([...facets.byDay, ...facets.byType, ...facets.byCountry].every((bucket: { count: number }) => bucket.count > 0)).toBe(true);
    }
  }

  it("after the seed and after a bulk import and its repeat", async () => {
    await expectConsistent();
    const data = generateData(300);
    await importIncidents(db, data.incident);
    await expectConsistent();
    await importIncidents(db, data.incident);
    await expectConsistent();
  });

  it("after the write API creates, changes and retracts an incident, and its place moves country", async () => {
    const place = (countryCode: string) =>
      call(
        started.system.url,
        `mutation ($input: PlaceInput!) { upsertPlace(input: $input) { outcome } }`,
        { input: { id: "place-fc-1", name: "Qzorvath Junction", kind: "TOWN", countryCode, evidence: EVIDENCE } },
        writer,
      );
    expect((await place("iq")).body.data?.upsertPlace.outcome).toBe("CREATED");
    const incident = (overrides: Record<string, unknown>) => ({
      id: "inc-fc-1",
      title: "Drone attack at Qzorvath Junction",
      summary: "A drone struck a checkpoint near Qzorvath Junction.",
      type: "DRONE",
      acledEventType: "EXPLOSIONS_REMOTE_VIOLENCE",
      acledSubEventType: "AIR_DRONE_STRIKE",
      startsAt: "2023-12-20T04:00:00.000Z",
      timePrecision: "DAY",
      placeId: "place-fc-1",
      evidence: EVIDENCE,
      ...overrides,
    });
    const upsert = `mutation ($input: IncidentInput!) { upsertIncident(input: $input) { outcome } }`;
    expect((await call(started.system.url, upsert, { input: incident({}) }, writer)).body.data?.upsertIncident.outcome).toBe("CREATED");
    await expectConsistent();
    const changed = await call(started.system.url, upsert, { input: incident({ type: "ROCKET", startsAt: "2023-12-22T00:00:00.000Z" }) }, writer);
    expect(changed.body.data?.upsertIncident.outcome).toBe("UPDATED");
    await expectConsistent();
    expect((await place("sy")).body.data?.upsertPlace.outcome).toBe("UPDATED");
    await expectConsistent();
    const syria = await call(started.system.url, FACETS, { filter: { countryCodes: ["SY"], types: ["ROCKET"] } });
    expect(syria.body.data.incidentFacets.byDay).toEqual(expect.arrayContaining([{ key: "2023-12-22", count: expect.any(Number) }]));
    const retracted = await call(
      started.system.url,
      `mutation ($input: RetractInput!) { retractIncident(input: $input) { outcome } }`,
      { input: { id: "inc-fc-1", reason: "Duplicate." } },
      writer,
    );
    expect(retracted.body.data?.retractIncident.outcome).toBe("RETRACTED");
    await expectConsistent();
  });

  it("after rows are deleted by hand (incidents, and a place its incidents still name)", async () => {
    await db.dataSource.query(`DELETE FROM incident WHERE id IN ('gen-inc-1', 'gen-inc-2', 'gen-inc-3')`);
    await expectConsistent();
    await db.dataSource.query(`DELETE FROM place WHERE id = 'gen-place-4'`);
    await expectConsistent();
  });
}

onBothDatabases("facet counts stay equal to the incidents they count", "incident", suite);
