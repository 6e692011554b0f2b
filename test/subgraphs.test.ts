import type { SubgraphName } from "../subgraphs/lib/config";
import type { RunningService } from "../subgraphs/lib/http";
import { startOneSubgraph } from "./support/subgraph";
import { post } from "./support/system";

// Each subgraph on its own, over real HTTP, on a real SQLite file seeded from the dataset.
interface Case {
  name: SubgraphName;
  keys: string[];
  rootQuery: string;
  check: (data: Record<string, unknown>) => void;
  entity: { typename: string; id: string; selection: string };
}

const cases: Case[] = [
  {
    name: "incident",
    keys: ["Incident", "Place"],
    rootQuery: `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title type reports { evidence { sentence } } munitions { kind count qualifier } } }`,
    check: (data) => {
      const incident = data.incident as { reports: unknown[]; munitions: { kind: string; count: number | null }[] };
      expect(incident.reports).toHaveLength(5);
      expect(incident.munitions).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: "ROCKET", count: 14 }), expect.objectContaining({ kind: "MORTAR_ROUND", count: 7 })]),
      );
    },
    entity: { typename: "Incident", id: "inc-2023-12-08-baghdad-embassy", selection: "title" },
  },
  {
    name: "actor",
    keys: ["Actor"],
    rootQuery: `{ resolveActor(name: "Kata'ib Hezbollah") { matchedName actor { id kind } } }`,
    check: (data) => {
      const matches = data.resolveActor as { actor: { kind: string } }[];
      expect(matches).toHaveLength(1);
      expect(matches[0]?.actor.kind).toBe("ARMED_GROUP");
    },
    entity: { typename: "Actor", id: "act-kataib-hezbollah", selection: "name" },
  },
  {
    name: "statement",
    keys: ["Statement", "Source", "ReportedFigure"],
    rootQuery: `{ sources(first: 10) { totalCount edges { node { fileName publishedOn publishedOnStated } } } }`,
    check: (data) => {
      const sources = data.sources as { totalCount: number; edges: { node: { publishedOnStated: boolean } }[] };
      expect(sources.totalCount).toBe(5);
      expect(sources.edges.filter((edge) => edge.node.publishedOnStated)).toHaveLength(2);
    },
    entity: { typename: "Source", id: "src-000", selection: "fileName" },
  },
];

describe.each(cases)("$name subgraph", ({ name, keys, rootQuery, check, entity }) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startOneSubgraph(name);
  });
  afterAll(async () => {
    await service?.stop();
  });

  it("answers its root query from the seeded database", async () => {
    const answer = await post(service.url, rootQuery);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    check(answer.body.data);
  });

  it("publishes its SDL with the federation keys", async () => {
    const answer = await post(service.url, "{ _service { sdl } }");
    const sdl = answer.body.data._service.sdl as string;
    expect(sdl).toContain("specs.apollo.dev/federation/v2");
    for (const key of keys) expect(sdl).toMatch(new RegExp(`type ${key}\\s+@key\\(fields: "id"\\)`));
  });

  it("resolves entity references, with null for an unknown id", async () => {
    const answer = await post(service.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${entity.typename} { id ${entity.selection} } } }`, {
      r: [
        { __typename: entity.typename, id: entity.id },
        { __typename: entity.typename, id: "no-such-id" },
      ],
    });
    expect(answer.body.errors).toBeUndefined();
    const [known, unknown] = answer.body.data._entities as ({ id: string } | null)[];
    expect(known).toEqual(expect.objectContaining({ id: entity.id }));
    expect(unknown).toBeNull();
  });

  it("reports ready when its database answers", async () => {
    const response = await fetch(new URL("/health/ready", service.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", service: name });
  });
});
