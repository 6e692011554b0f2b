import { readmeExamples, readReadme } from "./readme";
import type { TestSystem } from "./system";
import { post, send } from "./system";

/** The README's example query and the output it shows, read from README.md itself. */
export function readmeExample(): { query: string; output: unknown } {
  const [example] = readmeExamples(readReadme(), "## Example");
  if (!example) throw new Error("README.md has no ```graphql and ```json blocks under '## Example'");
  return { query: example.query, output: JSON.parse(example.output) };
}

type Node = Record<string, unknown>;
const names = (list: { name: string }[]) => list.map((item) => item.name);

/**
 * The end-to-end suite: real HTTP into the gateway, real subgraphs, real databases. `start` decides
 * the run mode and the database (SQLite or PostgreSQL).
 */
export function gatewaySuite(start: () => Promise<TestSystem>): void {
  let system: TestSystem;
  beforeAll(async () => {
    system = await start();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("answers the README's example query with exactly the output the README shows", async () => {
    const { query, output } = readmeExample();
    const answer = await system.query(query);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(output);
  });

  it("walks incident → participants → actors and statements → speakers → the bodies they speak for", async () => {
    const answer = await system.query(`{
      incident(id: "inc-2023-12-08-baghdad-embassy") {
        title place { name }
        participants { role basis actor { id name } evidence { sentence source { fileName } } }
        statements { speaker { id name affiliations { role organization { id name } } } onBehalfOf { id name } stances { kind } }
      }
    }`);
    expect(answer.body.errors).toBeUndefined();
    const incident = answer.body.data.incident;
    const claims = incident.participants.map((p: Node) => `${p.role}/${p.basis}/${(p.actor as Node).id}`);
    expect(claims).toEqual(expect.arrayContaining(["PERPETRATOR/DECLINED_TO_CLAIM/act-kataib-sayyid-al-shuhada", "PERPETRATOR/IMPLIED/act-kataib-hezbollah"]));
    for (const participant of incident.participants) expect(participant.evidence.source.fileName).toMatch(/^00[0-4]_[0-9a-f]{16}\.txt$/);
    const speakers = incident.statements.map((s: Node) => (s.speaker as Node).id);
    expect(speakers).toEqual(expect.arrayContaining(["act-matthew-miller", "act-mohammed-shia-al-sudani", "act-lloyd-austin"]));
    const miller = incident.statements.find((s: Node) => (s.speaker as Node).id === "act-matthew-miller");
    expect(miller.onBehalfOf.id).toBe("act-us-state-department");
    expect(miller.speaker.affiliations).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: "SPOKESPERSON_OF", organization: { id: "act-us-state-department", name: expect.any(String) } })]),
    );
    expect(miller.stances.map((s: Node) => s.kind)).toContain("CONDEMNS");
  });

  it("keeps every source's munitions side by side, each traced to its article and outlet", async () => {
    const answer = await system.query(`{ incident(id: "inc-2023-12-08-baghdad-embassy") {
      munitions { kind count qualifier evidence { sentence source { id fileName outlet { name } outletStated } } }
      reports { evidence { source { id publishedOn publishedOnStated } } }
    } }`);
    expect(answer.body.errors).toBeUndefined();
    const { munitions, reports } = answer.body.data.incident;
    const rockets = munitions.find((m: Node) => m.kind === "ROCKET" && m.count === 14);
    const mortars = munitions.find((m: Node) => m.kind === "MORTAR_ROUND" && m.count === 7);
    expect(rockets).toMatchObject({ qualifier: "ABOUT", evidence: { source: { id: "src-004", outletStated: false } } });
    expect(rockets.evidence.sentence).toContain("14 Katyusha rockets");
    expect(mortars).toMatchObject({ qualifier: "AT_LEAST", evidence: { source: { id: "src-003" } } });
    expect(reports.map((r: Node) => ((r.evidence as Node).source as Node).id).sort()).toEqual(["src-000", "src-001", "src-002", "src-003", "src-004"]);
  });

  it("answers who claimed attacks: actor (actor subgraph) → incidents it CLAIMED (incident subgraph) → reports' sources (statement subgraph)", async () => {
    const answer = await system.query(`{
      resolveActor(name: "islamic resistance in iraq") { actor { id name incidents(basis: CLAIMED) { totalCount edges { node { id place { name } reports { evidence { source { publishedOn } } } } } } } }
    }`);
    expect(answer.body.errors).toBeUndefined();
    const [match] = answer.body.data.resolveActor;
    expect(match.actor.id).toBe("act-islamic-resistance-in-iraq");
    const incidents = match.actor.incidents.edges.map((e: Node) => e.node) as { id: string; reports: unknown[] }[];
    const ids = incidents.map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(match.actor.incidents.totalCount).toBe(ids.length);
    expect(ids).not.toContain("inc-2023-12-08-baghdad-embassy");
    for (const incident of incidents) expect(incident.reports.length).toBeGreaterThan(0);
  });

  it("lists every statement made for the State Department, whoever said it, with what it is about", async () => {
    const answer = await system.query(`{
      actor(id: "act-us-state-department") {
        name
        affiliates(role: SPOKESPERSON_OF) { actor { name } }
        statements(as: ON_BEHALF_OF) { edges { node { speaker { id } aboutIncidents { id title } appearances { evidence { source { fileName } } } } } }
      }
    }`);
    expect(answer.body.errors).toBeUndefined();
    const actor = answer.body.data.actor;
    expect(names(actor.affiliates.map((a: Node) => a.actor))).toContain("Matthew Miller");
    const statements = actor.statements.edges.map((e: Node) => e.node) as Node[];
    expect(statements.length).toBeGreaterThanOrEqual(1);
    const embassy = statements.filter((s: Node) => (s.aboutIncidents as Node[]).some((i) => i.id === "inc-2023-12-08-baghdad-embassy"));
    expect(embassy.length).toBeGreaterThanOrEqual(1);
    // The 8 December statement appears in two articles: paraphrased in 000, quoted in 003.
    const files = embassy.flatMap((s: Node) => (s.appearances as Node[]).map((a) => ((a.evidence as Node).source as Node).fileName));
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^000_/), expect.stringMatching(/^003_/)]));
  });

  it("answers who speaks for the Iraqi Prime Minister's office and what they said", async () => {
    const answer = await system.query(`{
      actor(id: "act-iraq-pm-office") { affiliates { role actor { id anonymous statements(as: SPEAKER) { totalCount edges { node { id aboutIncidents { id } } } } } } }
    }`);
    expect(answer.body.errors).toBeUndefined();
    const affiliates = answer.body.data.actor.affiliates as {
      role: string;
      actor: { id: string; anonymous: boolean; statements: { totalCount: number; edges: unknown[] } };
    }[];
    expect(affiliates).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: "HEAD_OF", actor: expect.objectContaining({ id: "act-mohammed-shia-al-sudani" }) })]),
    );
    const spokesperson = affiliates.find((a) => a.role === "SPOKESPERSON_OF");
    expect(spokesperson?.actor.anonymous).toBe(true);
    expect(spokesperson?.actor.statements.edges.length).toBeGreaterThanOrEqual(1);
    expect(spokesperson?.actor.statements.totalCount).toBe(spokesperson?.actor.statements.edges.length);
  });

  it("keeps all the disagreeing attack tallies, each with its reporter and source, the garbled one deprecated", async () => {
    const answer = await system.query(`{
      figures(filter: { metrics: [ATTACKS_ON_US_FORCES] }, first: 100) { edges { node {
        value qualifier periodStart asOf rank rankReason reportedBy { name } evidence { garbled source { fileName } }
      } } }
    }`);
    expect(answer.body.errors).toBeUndefined();
    const figures = answer.body.data.figures.edges.map((e: Node) => e.node) as Node[];
    const since17 = figures.filter((f) => f.periodStart === "2023-10-17").map((f) => f.value);
    expect(since17).toEqual(expect.arrayContaining([78, 82, 92, 97]));
    const garbled = figures.find((f) => f.value === 17);
    expect(garbled).toMatchObject({ rank: "DEPRECATED", evidence: { garbled: true } });
    expect(String(garbled?.rankReason)).toMatch(/80/);
    const asOf = figures.map((f) => String(f.asOf));
    expect(asOf).toEqual([...asOf].sort().reverse());
  });

  it("lists the sources with their outlets (actor subgraph) and how each date was established", async () => {
    const answer = await system.query(
      `{ sources(first: 10) { totalCount edges { node { id publishedOn publishedOnStated publishedOnReasoning outlet { kind } citations { actor { name } } } } } }`,
    );
    expect(answer.body.errors).toBeUndefined();
    const nodes = answer.body.data.sources.edges.map((e: Node) => e.node) as Node[];
    expect(answer.body.data.sources.totalCount).toBe(5);
    expect(nodes.map((n) => [n.id, n.publishedOn])).toEqual(
      expect.arrayContaining([
        ["src-002", "2023-12-14"],
        ["src-003", "2023-12-09"],
      ]),
    );
    for (const node of nodes) {
      expect((node.outlet as Node).kind).toBe("MEDIA_OUTLET");
      expect(String(node.publishedOnReasoning).length).toBeGreaterThan(10);
    }
  });

  it("pages through incidents with opaque cursors, newest first, and counts them", async () => {
    const first = await system.query(`{ incidents(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { id startsAt } } } }`);
    expect(first.body.errors).toBeUndefined();
    const page1 = first.body.data.incidents;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await system.query(
      `query($after: String) { incidents(first: 100, after: $after) { pageInfo { hasNextPage hasPreviousPage } edges { node { id startsAt } } } }`,
      {
        after: page1.pageInfo.endCursor,
      },
    );
    const page2 = second.body.data.incidents;
    expect(page2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    const all = [...page1.edges, ...page2.edges].map((e: Node) => e.node as { id: string; startsAt: string });
    expect(all).toHaveLength(page1.totalCount);
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
    const starts = all.map((n) => n.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("offers introspection and the Sandbox explorer outside production", async () => {
    const answer = await system.query(`{ __schema { queryType { name } } }`);
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
    const page = await fetch(system.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });

  describe("bad input", () => {
    it("answers an unknown id with null, not an error", async () => {
      const answer = await system.query(`{ incident(id: "no-such-incident") { id } actor(id: "no-such-actor") { id } statement(id: "nope") { id } }`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ data: { incident: null, actor: null, statement: null } });
    });

    it("rejects a wrong argument type with 400 GRAPHQL_VALIDATION_FAILED", async () => {
      const answer = await system.query(`{ incidents(first: "ten") { totalCount } }`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(answer.body.errors?.[0]?.message).toMatch(/Int/);
    });

    it("rejects an unknown field with 400 GRAPHQL_VALIDATION_FAILED naming the field", async () => {
      const answer = await system.query(`{ incident(id: "x") { casualtyCount } }`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(answer.body.errors?.[0]?.message).toContain("casualtyCount");
    });

    it("rejects a variable of the wrong type with 400 BAD_USER_INPUT", async () => {
      const answer = await system.query(`query($n: Int) { incidents(first: $n) { totalCount } }`, { n: "many" });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.body.errors?.[0]?.message).toContain("$n");
    });

    it("rejects a page larger than the maximum with 400 BAD_USER_INPUT naming `first`", async () => {
      const answer = await system.query(`{ incidents(first: 5000) { totalCount } }`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
      expect(answer.body.errors?.[0]?.message).toContain("`first` must be between 0 and 100");
    });

    it("rejects a malformed cursor with 400 BAD_USER_INPUT naming `after`", async () => {
      const answer = await system.query(`{ incidents(first: 2, after: "not-a-cursor") { totalCount } }`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    });

    it("rejects a malformed JSON body with 400 and a GraphQL error body", async () => {
      const answer = await send(system.url, '{"query": "{ incident(id: \\"x\\") { id } ');
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
      expect(answer.body.errors?.[0]?.message).toMatch(/not valid JSON/);
    });

    it("rejects a request without a query with 400", async () => {
      const answer = await post(system.url, "");
      expect(answer.status).toBe(400);
    });
  });
}
