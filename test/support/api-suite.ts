import { generateData } from "../../bench/generate";
import { importIncidents } from "../../subgraphs/incident/seed";
import type { TestSystem } from "./system";

type Node = Record<string, unknown>;
const nodes = (connection: { edges: { node: Node }[] }) => connection.edges.map((edge) => edge.node);
const ids = (connection: { edges: { node: Node }[] }) => nodes(connection).map((node) => String(node.id));

/**
 * The analyst's API, end to end through the gateway: every filter, alias spellings, paging with
 * inserts in between, search ranking, figure series, facets, and each kind of bad input.
 */
export function apiSuite(start: () => Promise<TestSystem>): void {
  let system: TestSystem;
  beforeAll(async () => {
    system = await start();
  });
  afterAll(async () => {
    await system?.stop();
  });

  /** Runs a query that must succeed and returns its data. */
  async function data(query: string, variables?: Record<string, unknown>) {
    const answer = await system.query(query, variables);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    return answer.body.data;
  }

  /** Incident ids matching a filter (all of them, in list order). */
  async function incidentIds(filter: Record<string, unknown>): Promise<string[]> {
    const result = await data(`query($f: IncidentFilter) { incidents(filter: $f, first: 100) { totalCount edges { node { id } } } }`, { f: filter });
    expect(result.incidents.totalCount).toBe(result.incidents.edges.length);
    return ids(result.incidents);
  }

  /** Runs a query that must fail with 400 BAD_USER_INPUT naming `argument`; returns the message. */
  async function badInput(query: string, argument: string, variables?: Record<string, unknown>): Promise<string> {
    const answer = await system.query(query, variables);
    expect(answer.status).toBe(400);
    const error = answer.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(error?.message).toContain(`\`${argument}\``);
    expect(answer.text).not.toMatch(/SELECT|sqlite|postgres|at \w+ \(/i);
    return String(error?.message);
  }

  describe("incident filters", () => {
    it("matches a date range on the overlap of time spans, so week- and month-precision events are found", async () => {
      const found = await incidentIds({ from: "2023-12-05T00:00:00Z", to: "2023-12-06T23:59:59Z" });
      expect(found).toEqual(
        expect.arrayContaining(["inc-2023-12-01-kirkuk-strike", "inc-2023-12-02-red-sea-ship-attacks", "inc-2023-10-17-attacks-on-us-forces"]),
      );
      expect(found).not.toContain("inc-2023-12-08-baghdad-embassy");
      const withoutAggregates = await incidentIds({ from: "2023-12-05T00:00:00Z", to: "2023-12-06T23:59:59Z", includeAggregates: false });
      expect(withoutAggregates.sort()).toEqual(["inc-2023-12-01-kirkuk-strike", "inc-2023-12-02-red-sea-ship-attacks"]);
    });

    it("filters by country", async () => {
      expect((await incidentIds({ countryCodes: ["SY"] })).sort()).toEqual([
        "inc-2023-12-08-conoco",
        "inc-2023-12-08-syria-bases",
        "inc-2023-12-11-ash-shaddadi",
      ]);
      expect(await incidentIds({ countryCodes: ["sy"] })).toHaveLength(3);
    });

    it("filters by place id, including the places inside it", async () => {
      expect(await incidentIds({ placeIds: ["place-baghdad"] })).toEqual(["inc-2023-12-08-baghdad-embassy"]);
      expect((await incidentIds({ placeIds: ["place-anbar"] })).sort()).toEqual(["inc-2023-12-08-ain-al-asad", "inc-2023-12-11-ain-al-asad"]);
    });

    it("filters by any spelling of a place, and says which place it read", async () => {
      for (const spelling of ["al-Asaf airbase", "Ain al-Assad base", "AIN AL ASAD AIR BASE"]) {
        expect((await incidentIds({ place: spelling })).sort()).toEqual(["inc-2023-12-08-ain-al-asad", "inc-2023-12-11-ain-al-asad"]);
      }
      const result = await data(`{ incidents(filter: { place: "Ash Sadadi" }) { hints edges { node { id } } } }`);
      expect(ids(result.incidents)).toEqual(["inc-2023-12-11-ash-shaddadi"]);
      expect(result.incidents.hints[0]).toContain("Ash Shaddadi");
    });

    it("answers a place name that matches nothing with an empty page and a hint", async () => {
      const result = await data(`{ incidents(filter: { place: "Qwxyz Zzyzx" }) { totalCount hints edges { node { id } } } }`);
      expect(result.incidents.totalCount).toBe(0);
      expect(result.incidents.hints[0]).toMatch(/No place matches "Qwxyz Zzyzx".*resolvePlace/);
    });

    it("filters by distance from a point", async () => {
      expect(await incidentIds({ near: { latitude: 33.3152, longitude: 44.3661, radiusKm: 10 } })).toEqual(["inc-2023-12-08-baghdad-embassy"]);
      expect(await incidentIds({ near: { latitude: 36.1911, longitude: 44.0094, radiusKm: 50 } })).toEqual(["inc-2023-12-08-erbil-drones"]);
      const wider = await incidentIds({ near: { latitude: 36.1911, longitude: 44.0094, radiusKm: 150 } });
      expect(wider).toEqual(expect.arrayContaining(["inc-2023-12-08-erbil-drones", "inc-2023-12-01-kirkuk-strike"]));
    });

    it("filters by incident type and ACLED types", async () => {
      expect((await incidentIds({ types: ["ROCKET"] })).sort()).toEqual(["inc-2023-12-08-baghdad-embassy", "inc-2023-12-11-ash-shaddadi"]);
      expect(await incidentIds({ acledSubEventTypes: ["ARRESTS"] })).toEqual(["inc-2023-12-08-embassy-arrests"]);
      const explosions = await incidentIds({ acledEventTypes: ["EXPLOSIONS_REMOTE_VIOLENCE"] });
      expect(explosions).toContain("inc-2023-12-08-baghdad-embassy");
      expect(explosions).not.toContain("inc-2023-12-08-embassy-arrests");
    });

    it("filters by actor with role and basis: claimed by vs believed to have done it", async () => {
      const claimed = await incidentIds({ actorIds: ["act-islamic-resistance-in-iraq"], basis: "CLAIMED" });
      expect(claimed).toEqual(expect.arrayContaining(["inc-2023-12-08-conoco", "inc-2023-12-11-ain-al-asad", "inc-2023-12-11-ash-shaddadi"]));
      expect(claimed).not.toContain("inc-2023-12-08-baghdad-embassy");
      const byUs = await incidentIds({ actorIds: ["act-us-military"], role: "PERPETRATOR" });
      expect(byUs).toContain("inc-2023-12-01-kirkuk-strike");
      const declined = await incidentIds({ basis: "DECLINED_TO_CLAIM" });
      expect(declined).toEqual(["inc-2023-12-08-baghdad-embassy"]);
    });

    it("reaches incidents through any alias of an actor in one request", async () => {
      const result = await data(
        `{ resolveActor(name: "Kataeb Hezbollah", first: 1) { actor { id incidents(role: PERPETRATOR) { totalCount edges { node { id } } } } } }`,
      );
      const [match] = result.resolveActor;
      expect(match.actor.id).toBe("act-kataib-hezbollah");
      expect(ids(match.actor.incidents)).toContain("inc-2023-12-08-baghdad-embassy");
    });

    it("filters by casualties reported", async () => {
      const found = await incidentIds({ minCasualties: 5 });
      expect(found.sort()).toEqual(["inc-2023-10-17-attacks-on-us-forces", "inc-2023-12-01-kirkuk-strike"]);
      expect(await incidentIds({ minCasualties: 67 })).toEqual([]);
    });

    it("filters by last change, for sync", async () => {
      expect(await incidentIds({ updatedSince: "2000-01-01T00:00:00Z" })).toHaveLength(15);
      expect(await incidentIds({ updatedSince: "2100-01-01T00:00:00Z" })).toEqual([]);
    });

    it("combines a filter with full-text search", async () => {
      expect(await incidentIds({ search: "Katyusha" })).toEqual(["inc-2023-12-08-baghdad-embassy"]);
      expect(await incidentIds({ search: "drones", countryCodes: ["IQ"] })).toEqual(expect.arrayContaining(["inc-2023-12-08-erbil-drones"]));
      expect(await incidentIds({ search: "drones", countryCodes: ["YE"] })).toEqual([]);
    });
  });

  describe("alias-aware resolution", () => {
    it.each([
      ["Kataeb Hezbollah", "act-kataib-hezbollah"],
      ["Kata'ib Hezbollah", "act-kataib-hezbollah"],
      ["kataib hezbollah", "act-kataib-hezbollah"],
      ["Mohammad Zia al-Sudani", "act-mohammed-shia-al-sudani"],
      ["Mohammed Shia al-Sudani", "act-mohammed-shia-al-sudani"],
      ["Pentagon", "act-us-dod"],
      ["Hashd", "act-popular-mobilization-forces"],
    ])("resolveActor(%p) finds %s with score 1", async (name, id) => {
      const result = await data(`query($n: String!) { resolveActor(name: $n) { matchedName score actor { id } } }`, { n: name });
      expect(result.resolveActor[0]).toMatchObject({ score: 1, actor: { id } });
    });

    it.each([
      ["Kataib Hezbolah", "act-kataib-hezbollah"],
      ["Sabrina Sing", "act-sabrina-singh"],
      ["Mohamed Shia al-Sudany", "act-mohammed-shia-al-sudani"],
    ])("tolerates the misspelling %p (finds %s, score below 1)", async (name, id) => {
      const result = await data(`query($n: String!) { resolveActor(name: $n) { score actor { id } } }`, { n: name });
      expect(result.resolveActor[0].actor.id).toBe(id);
      expect(result.resolveActor[0].score).toBeLessThan(1);
      expect(result.resolveActor[0].score).toBeGreaterThanOrEqual(0.7);
    });

    it.each([
      ["al-Asaf airbase", "place-ain-al-asad"],
      ["Ash Sadadi", "place-ash-shaddadi"],
      ["Ash Shaddadi", "place-ash-shaddadi"],
      ["ain al asad", "place-ain-al-asad"],
      ["Shadadi", "place-ash-shaddadi"],
    ])("resolvePlace(%p) finds %s", async (name, id) => {
      const result = await data(`query($n: String!) { resolvePlace(name: $n) { matchedName score place { id } } }`, { n: name });
      expect(result.resolvePlace[0].place.id).toBe(id);
    });

    it("ranks matches and says which alias matched", async () => {
      const result = await data(`{ resolveActor(name: "Kata'ib Hezbollah") { matchedName matchedAliasKind score actor { id } } }`);
      expect(result.resolveActor[0]).toMatchObject({ matchedName: "Kata'ib Hezbollah", actor: { id: "act-kataib-hezbollah" } });
      const scores = result.resolveActor.map((m: Node) => m.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it("answers a name that matches nothing with an empty list", async () => {
      expect((await data(`{ resolveActor(name: "Qwxyz Zzyzx") { actor { id } } }`)).resolveActor).toEqual([]);
      expect((await data(`{ resolvePlace(name: "Qwxyz Zzyzx") { place { id } } }`)).resolvePlace).toEqual([]);
    });
  });

  describe("statement and figure filters", () => {
    async function statementIds(filter: Record<string, unknown>): Promise<string[]> {
      return ids((await data(`query($f: StatementFilter) { statements(filter: $f, first: 100) { edges { node { id } } } }`, { f: filter })).statements);
    }

    it("lists every statement made on behalf of the State Department, whoever said it", async () => {
      const result = await data(
        `{ statements(filter: { onBehalfOfIds: ["act-us-state-department"] }, first: 100) { edges { node { onBehalfOf { id } speaker { id } } } } }`,
      );
      const list = nodes(result.statements) as { onBehalfOf: { id: string }; speaker: { id: string } }[];
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.every((s) => s.onBehalfOf.id === "act-us-state-department")).toBe(true);
      expect(list.map((s) => s.speaker.id)).toContain("act-matthew-miller");
    });

    it("filters by speaker, stance, incident, date range and mode", async () => {
      const singh = await statementIds({ speakerIds: ["act-sabrina-singh"] });
      expect(singh.length).toBeGreaterThanOrEqual(2);
      const claims = await data(
        `{ statements(filter: { stances: [CLAIMS_RESPONSIBILITY] }, first: 100) { edges { node { speaker { id } stances { kind } } } } }`,
      );
      for (const statement of nodes(claims.statements) as { stances: { kind: string }[] }[])
        expect(statement.stances.map((s) => s.kind)).toContain("CLAIMS_RESPONSIBILITY");
      const about = await statementIds({ incidentIds: ["inc-2023-12-08-baghdad-embassy"] });
      const embassy = await data(`{ incident(id: "inc-2023-12-08-baghdad-embassy") { statements { id } } }`);
      expect(about.sort()).toEqual(embassy.incident.statements.map((s: Node) => s.id).sort());
      const dated = await data(`{ statements(filter: { from: "2023-12-14", to: "2023-12-14" }, first: 100) { edges { node { saidOn } } } }`);
      expect(nodes(dated.statements).every((s) => s.saidOn === "2023-12-14")).toBe(true);
      expect(nodes(dated.statements).length).toBeGreaterThan(0);
      const verbatim = await data(`{ statements(filter: { modes: [VERBATIM] }, first: 100) { edges { node { mode } } } }`);
      expect(nodes(verbatim.statements).every((s) => s.mode === "VERBATIM")).toBe(true);
    });

    it("searches statements, best match first, with the matching passage", async () => {
      const result = await data(`{ searchStatements(query: "diplomatic missions") { totalCount edges { snippet score node { speaker { id } } } } }`);
      const edges = result.searchStatements.edges as { snippet: string; score: number; node: { speaker: { id: string } } }[];
      expect(edges.length).toBeGreaterThan(0);
      expect(result.searchStatements.totalCount).toBe(edges.length);
      expect(edges[0]?.node.speaker.id).toBe("act-mohammed-shia-al-sudani");
      expect(edges[0]?.snippet).toMatch(/\[diplomatic\]/i);
      const scores = edges.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(await statementIds({ search: "diplomatic missions", speakerIds: ["act-mohammed-shia-al-sudani"] })).not.toHaveLength(0);
    });

    it("filters figures by reporter, as-of range, and deprecated rank", async () => {
      const all = await data(`{ figures(filter: { metrics: [ATTACKS_ON_US_FORCES] }, first: 100) { totalCount edges { node { value rank } } } }`);
      const kept = await data(
        `{ figures(filter: { metrics: [ATTACKS_ON_US_FORCES], includeDeprecated: false }, first: 100) { totalCount edges { node { value rank } } } }`,
      );
      expect(kept.figures.totalCount).toBe(all.figures.totalCount - 1);
      expect(nodes(kept.figures).map((f) => f.value)).not.toContain(17);
      const singh = await data(`{ figures(filter: { reporterIds: ["act-sabrina-singh"] }, first: 100) { edges { node { reportedBy { id } } } } }`);
      expect(nodes(singh.figures).every((f) => (f.reportedBy as Node).id === "act-sabrina-singh")).toBe(true);
      const early = await data(`{ figures(filter: { to: "2023-12-07" }, first: 100) { edges { node { asOf } } } }`);
      expect(nodes(early.figures).every((f) => String(f.asOf) <= "2023-12-07")).toBe(true);
    });

    it("orders a figure series by as-of date, keeps disagreeing same-date figures, and names the latest preferred value", async () => {
      const result = await data(`{ figureSeries(metric: ATTACKS_ON_US_FORCES, periodStart: "2023-10-17") {
        points { asOf figures { value rank reportedBy { name } evidence { source { id } } } }
        latestPreferred { value asOf evidence { source { id } } }
      } }`);
      const points = result.figureSeries.points as { asOf: string; figures: Node[] }[];
      const dates = points.map((p) => p.asOf);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
      expect(points.flatMap((p) => p.figures.map((f) => f.value))).toEqual(expect.arrayContaining([78, 82, 92, 97]));
      expect(result.figureSeries.latestPreferred).toMatchObject({ value: 97, asOf: "2023-12-14", evidence: { source: { id: "src-002" } } });
      const troops = await data(`{ figureSeries(metric: US_TROOPS_DEPLOYED) { points { asOf figures { value evidence { source { id } } } } } }`);
      const crowded = (troops.figureSeries.points as { figures: Node[] }[]).find((p) => p.figures.length > 1);
      expect(crowded).toBeDefined();
    });
  });

  describe("search and facets", () => {
    it("ranks incidents by relevance and returns the matching passage", async () => {
      const result = await data(
        `{ searchIncidents(query: "embassy Baghdad", first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { score snippet node { id } } } }`,
      );
      const edges = result.searchIncidents.edges as { score: number; snippet: string; node: { id: string } }[];
      expect(edges[0]?.node.id).toBe("inc-2023-12-08-baghdad-embassy");
      expect(edges[0]?.snippet).toMatch(/\[(embassy|baghdad)\]/i);
      const scores = edges.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      if (result.searchIncidents.pageInfo.hasNextPage) {
        const next = await data(`query($a: String) { searchIncidents(query: "embassy Baghdad", first: 5, after: $a) { edges { node { id } } } }`, {
          a: result.searchIncidents.pageInfo.endCursor,
        });
        const overlap = ids(next.searchIncidents).filter((id) => edges.some((e) => e.node.id === id));
        expect(overlap).toEqual([]);
      }
    });

    it("counts incidents by day, week, type, country and perpetrator, consistent with the filter", async () => {
      const result = await data(`{ incidentFacets(filter: { includeAggregates: false }) {
        total byDay { key count } byWeek { key count } byType { key count } byCountry { key count } byPerpetrator { count actor { id name } }
      } }`);
      const facets = result.incidentFacets;
      const sum = (buckets: { count: number }[]) => buckets.reduce((total, bucket) => total + bucket.count, 0);
      expect(facets.total).toBe((await incidentIds({ includeAggregates: false })).length);
      for (const facet of [facets.byDay, facets.byWeek, facets.byType, facets.byCountry]) expect(sum(facet)).toBe(facets.total);
      expect(facets.byDay).toEqual(expect.arrayContaining([{ key: "2023-12-08", count: 4 }]));
      expect(facets.byWeek).toEqual(expect.arrayContaining([{ key: "2023-12-04", count: expect.any(Number) }]));
      expect(facets.byCountry.find((b: Node) => b.key === "SY")?.count).toBe(2);
      const iri = facets.byPerpetrator.find((b: { actor: { id: string } }) => b.actor.id === "act-islamic-resistance-in-iraq");
      expect(iri).toMatchObject({ actor: { name: "Islamic Resistance in Iraq" } });
      const counts = facets.byPerpetrator.map((b: Node) => b.count as number);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    });
  });

  describe("bad input", () => {
    it("rejects a negative or oversized page size, and first with last", async () => {
      await badInput(`{ incidents(first: -1) { totalCount } }`, "first");
      await badInput(`{ statements(first: 101) { totalCount } }`, "first");
      await badInput(`{ figures(first: 2, last: 2) { totalCount } }`, "first");
      await badInput(`{ resolveActor(name: "x", first: 0) { score } }`, "first");
    });

    it("rejects a malformed cursor, in lists, nested lists and search results", async () => {
      await badInput(`{ actors(first: 2, after: "bm9wZQ") { totalCount } }`, "after");
      await badInput(`{ incidents(before: "%%%") { totalCount } }`, "before");
      await badInput(`{ actor(id: "act-iran") { statements(after: "xyz") { totalCount } } }`, "after");
      await badInput(`{ searchIncidents(query: "embassy", after: "xyz") { totalCount } }`, "after");
    });

    it("rejects an inverted date range", async () => {
      const message = await badInput(`{ incidents(filter: { from: "2023-12-10T00:00:00Z", to: "2023-12-01T00:00:00Z" }) { totalCount } }`, "filter.to");
      expect(message).toMatch(/swap/);
      await badInput(`{ statements(filter: { from: "2023-12-10", to: "2023-12-01" }) { totalCount } }`, "filter.to");
      await badInput(`{ figures(filter: { from: "2023-12-10", to: "2023-12-01" }) { totalCount } }`, "filter.to");
    });

    it("rejects a radius without a point, an out-of-range latitude and a zero radius", async () => {
      await badInput(`{ incidents(filter: { near: { radiusKm: 10 } }) { totalCount } }`, "filter.near");
      await badInput(`{ incidents(filter: { near: { latitude: 95, longitude: 44, radiusKm: 10 } }) { totalCount } }`, "filter.near.latitude");
      await badInput(`{ incidentFacets(filter: { near: { latitude: 33, longitude: 44, radiusKm: 0 } }) { total } }`, "filter.near.radiusKm");
    });

    it("rejects a search with no words, and treats operators and wildcards as text", async () => {
      await badInput(`{ searchIncidents(query: "!!") { totalCount } }`, "query");
      await badInput(`{ incidents(filter: { search: " - " }) { totalCount } }`, "filter.search");
      for (const query of ['embassy" OR "x', "NEAR(embassy baghdad)", "embass*", "'; DROP TABLE incident; --", "embassy%_"]) {
        const answer = await system.query(`query($q: String!) { searchIncidents(query: $q) { totalCount } }`, { q: query });
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
      }
      expect(await incidentIds({})).toHaveLength(15);
    });
  });

  describe("organisations and their parts", () => {
    const PARTS = /* GraphQL */ `
      query ($id: ID!) {
        actor(id: $id) {
          componentIds
          statements(first: 100) {
            totalCount
            edges {
              node {
                id
              }
            }
          }
          statementsWithParts(first: 100) {
            totalCount
            edges {
              node {
                id
              }
            }
          }
          spokenFor: statementsWithParts(first: 100, as: ON_BEHALF_OF) {
            edges {
              node {
                id
                onBehalfOf {
                  id
                }
              }
            }
          }
        }
      }
    `;
    /** The ids of the statements each actor has itself (`statements`), all roles. */
    async function ownStatements(id: string): Promise<string[]> {
      return ids((await data(`query ($id: ID!) { actor(id: $id) { statements(first: 100) { edges { node { id } } } } }`, { id })).actor.statements);
    }

    it("follows COMPONENT_OF down: the Iraqi government's statements include its Prime Minister's office's, each once", async () => {
      const { actor } = await data(PARTS, { id: "act-iraqi-government" });
      expect(actor.componentIds).toEqual(expect.arrayContaining(["act-iraq-pm-office", "act-iraqi-security-forces"]));
      const expected = new Set<string>(await ownStatements("act-iraqi-government"));
      for (const part of actor.componentIds as string[]) for (const id of await ownStatements(part)) expected.add(id);
      const withParts = ids(actor.statementsWithParts);
      expect(withParts.length).toBe(new Set(withParts).size);
      expect(new Set(withParts)).toEqual(expected);
      expect(actor.statementsWithParts.totalCount).toBe(expected.size);
      // The office's statements are reachable from the government only through its parts.
      expect(withParts.length).toBeGreaterThan(ids(actor.statements).length);
      const onBehalf = nodes(actor.spokenFor).map((node) => (node.onBehalfOf as { id: string }).id);
      expect(onBehalf.length).toBeGreaterThan(0);
      for (const body of onBehalf) expect(["act-iraqi-government", ...(actor.componentIds as string[])]).toContain(body);
    });

    it("goes down more than one level (Iraq → its government → the Prime Minister's office) and pages like statements", async () => {
      const { actor } = await data(PARTS, { id: "act-iraq" });
      expect(actor.componentIds).toEqual(expect.arrayContaining(["act-iraqi-government", "act-iraq-pm-office"]));
      const all = ids(actor.statementsWithParts);
      const first = await data(
        `query { actor(id: "act-iraq") { statementsWithParts(first: 2) { pageInfo { endCursor hasNextPage } edges { node { id } } } } }`,
      );
      const page = first.actor.statementsWithParts;
      expect(ids(page)).toEqual(all.slice(0, 2));
      const next = await data(`query ($after: String) { actor(id: "act-iraq") { statementsWithParts(first: 2, after: $after) { edges { node { id } } } } }`, {
        after: page.pageInfo.endCursor,
      });
      expect(ids(next.actor.statementsWithParts)).toEqual(all.slice(2, 4));
    });

    it("an actor without parts has the same statements either way", async () => {
      const { actor } = await data(PARTS, { id: "act-iraq-pm-office" });
      expect(actor.componentIds).toEqual([]);
      expect(ids(actor.statementsWithParts)).toEqual(ids(actor.statements));
    });
  });

  describe("pagination", () => {
    it("pages backward from the end with last/before", async () => {
      const all = ids((await data(`{ incidents(first: 100) { edges { node { id } } } }`)).incidents);
      const last = await data(`{ incidents(last: 4) { pageInfo { hasPreviousPage hasNextPage startCursor } edges { node { id } } } }`);
      expect(ids(last.incidents)).toEqual(all.slice(-4));
      expect(last.incidents.pageInfo.hasPreviousPage).toBe(true);
      const before = await data(`query($b: String) { incidents(last: 4, before: $b) { edges { node { id } } } }`, { b: last.incidents.pageInfo.startCursor });
      expect(ids(before.incidents)).toEqual(all.slice(-8, -4));
    });

    it("keeps cursors valid across inserts: no item skipped or repeated", async () => {
      const original = ids((await data(`{ incidents(first: 100) { edges { node { id } } } }`)).incidents);
      const first = await data(`{ incidents(first: 5) { pageInfo { endCursor } edges { node { id } } } }`);
      // Insert incidents newer than every page, and some in the middle of the remaining pages.
      const inserted = generateData(6);
      inserted.incident.incidents.forEach((incident, index) => {
        if (index % 2) {
          incident.startsAt = "2023-11-15T00:00:00.000Z";
          incident.endsAt = "2023-11-15T23:59:59.999Z";
        }
      });
      await importIncidents(system.databases.incident!, inserted.incident);
      const seen = ids(first.incidents);
      let cursor: string | null = first.incidents.pageInfo.endCursor;
      while (cursor) {
        const page = await data(`query($a: String) { incidents(first: 5, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {
          a: cursor,
        });
        seen.push(...ids(page.incidents));
        cursor = page.incidents.pageInfo.hasNextPage ? page.incidents.pageInfo.endCursor : null;
      }
      expect(seen.filter((id) => !id.startsWith("gen-"))).toEqual(original);
      expect(new Set(seen).size).toBe(seen.length);
      // The older inserts sort after the first page's cursor, so they show up; the newer ones do not.
      expect(seen.filter((id) => id.startsWith("gen-")).sort()).toEqual(["gen-inc-1", "gen-inc-3", "gen-inc-5"]);
    });
  });
}
