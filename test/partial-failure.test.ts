import fc from "fast-check";
import type { GraphQLFormattedError } from "graphql";
import { collapseUnavailable } from "../gateway/partial-failure";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import type { RunningService } from "../subgraphs/lib/http";
import { readmeExample } from "./support/gateway-suite";
import { freePort, startOneSubgraph } from "./support/subgraph";
import { type HttpAnswer, startTestSystem } from "./support/system";

// A page of incidents touching all three subgraphs: incident (root, place, participants), actor
// (names), statement (statements, figures).
const PAGE = `{ incidents(first: 20) { edges { node {
  id title place { name }
  participants { role actor { name } }
  statements { text speaker { name } }
  figures { value }
} } } }`;

/**
 * The response keys each subgraph fills in these two queries, apart from the root field: what a
 * client should see as null when that subgraph is down, and nothing else.
 */
const SERVED_BY: Record<Exclude<SubgraphName, "incident">, string[]> = {
  actor: ["actor", "speaker", "onBehalfOf"],
  statement: ["statements", "figures", "source"],
};

/** `data` with every value under one of `keys` replaced by null, at any depth. */
function withNulls(data: unknown, keys: string[]): unknown {
  if (Array.isArray(data)) return data.map((item) => withNulls(item, keys));
  if (data === null || typeof data !== "object") return data;
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, keys.includes(key) ? null : withNulls(value, keys)]));
}

/** The only error is one SUBGRAPH_UNAVAILABLE naming `name`, and nothing internal leaks. */
function expectOneUnavailable(answer: HttpAnswer, name: SubgraphName, port: number) {
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toEqual([
    {
      message: expect.stringContaining(`The ${name} subgraph is unavailable (not reachable)`),
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: name, requestId: expect.any(String) },
    },
  ]);
  expect(answer.text).not.toMatch(new RegExp(`127\\.0\\.0\\.1|localhost|ECONNREFUSED|:${port}\\b`));
}

describe("one subgraph down: the others' fields are still served", () => {
  const running = {} as Record<SubgraphName, RunningService>;
  let full: { readme: HttpAnswer; page: HttpAnswer };

  beforeAll(async () => {
    await Promise.all(SUBGRAPH_NAMES.map(async (name) => (running[name] = await startOneSubgraph(name))));
    const gateway = await startGateway();
    try {
      full = { readme: await gateway.query(readmeExample().query), page: await gateway.query(PAGE) };
    } finally {
      await gateway.stop();
    }
  });
  afterAll(async () => {
    await Promise.all(SUBGRAPH_NAMES.map((name) => running[name]?.stop()));
  });

  /** A production gateway over the running subgraphs, with `down` pointed at a port nothing listens on. */
  function startGateway(down?: { name: SubgraphName; port: number }) {
    const url = (name: SubgraphName) => (name === down?.name ? `http://127.0.0.1:${down.port}/graphql` : running[name].url);
    return startTestSystem("gateway-only", {
      INCIDENT_URL: url("incident"),
      ACTOR_URL: url("actor"),
      STATEMENT_URL: url("statement"),
      SUBGRAPH_TIMEOUT_MS: "2000",
      NODE_ENV: "production",
    });
  }

  /** The README example and the page of incidents with subgraph `name` down (asked once per subgraph). */
  const answers = new Map<SubgraphName, Promise<{ port: number; readme: HttpAnswer; page: HttpAnswer }>>();
  function answersWithout(name: SubgraphName) {
    if (!answers.has(name)) answers.set(name, ask(name));
    return answers.get(name)!;
  }
  async function ask(name: SubgraphName) {
    const port = await freePort();
    const gateway = await startGateway({ name, port });
    try {
      return { port, readme: await gateway.query(readmeExample().query), page: await gateway.query(PAGE) };
    } finally {
      await gateway.stop();
    }
  }

  it("with all three up, answers in full (the reference for the cases below)", () => {
    expect(full.readme.body).toEqual(readmeExample().output);
    expect(full.page.body.errors).toBeUndefined();
    const nodes = full.page.body.data.incidents.edges.map((edge: { node: unknown }) => edge.node);
    expect(nodes.length).toBeGreaterThanOrEqual(10);
    // The page must exercise every subgraph, or the cases below would prove nothing.
    expect(nodes.some((node: { statements: unknown[] }) => node.statements.length > 0)).toBe(true);
    expect(nodes.some((node: { figures: unknown[] }) => node.figures.length > 0)).toBe(true);
  });

  it.each(["actor", "statement"] as const)("without the %s subgraph: every other field, and one error naming it", async (name) => {
    const { port, readme, page } = await answersWithout(name);
    expectOneUnavailable(readme, name, port);
    expect(readme.body.data).toEqual(withNulls(full.readme.body.data, SERVED_BY[name]));
    expectOneUnavailable(page, name, port);
    expect(page.body.data).toEqual(withNulls(full.page.body.data, SERVED_BY[name]));
  });

  it("without the actor subgraph: titles, places, roles and statement texts are there", async () => {
    const { readme } = await answersWithout("actor");
    const incident = readme.body.data.incident;
    expect(incident.title).toBe("Attack on the US embassy in Baghdad");
    expect(incident.place.name).toBe("Embassy of the United States, Baghdad");
    expect(incident.participants[0]).toMatchObject({ role: "TARGET", actor: null, evidence: { source: { fileName: "003_506ace9673bd317f.txt" } } });
    expect(incident.statements.length).toBeGreaterThan(0);
    for (const statement of incident.statements) expect(statement).toMatchObject({ text: expect.any(String), speaker: null, onBehalfOf: null });
  });

  it("without the statement subgraph: actor names are there, statements are null", async () => {
    const { readme } = await answersWithout("statement");
    const incident = readme.body.data.incident;
    expect(incident.title).toBe("Attack on the US embassy in Baghdad");
    expect(incident.participants.map((p: { actor: { name: string } }) => p.actor.name)).toContain("Embassy of the United States, Baghdad");
    expect(incident.participants[0].evidence).toMatchObject({ sentence: expect.stringContaining("mortar"), source: null });
    expect(incident.statements).toBeNull();
  });

  it("without the incident subgraph: the root field is null, with one error naming it", async () => {
    const { port, readme, page } = await answersWithout("incident");
    expectOneUnavailable(readme, "incident", port);
    expect(readme.body.data).toEqual({ incident: null });
    expectOneUnavailable(page, "incident", port);
    expect(page.body.data).toBeNull();
  });
});

describe("collapseUnavailable", () => {
  const unavailable = (serviceName: string): GraphQLFormattedError => ({
    message: `The ${serviceName} subgraph is unavailable (not reachable); fields it serves are null. Retry later.`,
    extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName },
  });
  const nullInNonNull = (serviceName?: string): GraphQLFormattedError => ({
    message: "Cannot return null for non-nullable field Actor.name.",
    path: ["incident", "participants", 0, "actor", "name"],
    extensions: serviceName ? { code: "DOWNSTREAM_SERVICE_ERROR", serviceName } : { code: "INVALID_GRAPHQL" },
  });
  const other: GraphQLFormattedError = { message: "No incident with that id.", path: ["incident"], extensions: { code: "NOT_FOUND", serviceName: "incident" } };

  it("keeps the first SUBGRAPH_UNAVAILABLE per subgraph, and every unrelated error in order", () => {
    const errors = [unavailable("actor"), other, unavailable("actor"), unavailable("statement"), unavailable("actor"), unavailable("statement")];
    expect(collapseUnavailable(errors)).toEqual([unavailable("actor"), other, unavailable("statement")]);
  });

  it("keeps every other error, null-in-non-null ones included, whether or not a subgraph is unavailable", () => {
    expect(collapseUnavailable([unavailable("actor"), nullInNonNull(), nullInNonNull("statement")])).toEqual([
      unavailable("actor"),
      nullInNonNull(),
      nullInNonNull("statement"),
    ]);
  });

  it("for any mix: one error per unavailable subgraph, the other errors untouched and in order", () => {
    const service = fc.constantFrom("incident", "actor", "statement");
    const error = fc.oneof(service.map(unavailable), fc.option(service, { nil: undefined }).map(nullInNonNull), fc.constant(other));
    fc.assert(
      fc.property(fc.array(error, { maxLength: 30 }), (errors) => {
        const result = collapseUnavailable(errors);
        const down = (list: readonly GraphQLFormattedError[]) =>
          list.filter((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE").map((e) => e.extensions?.serviceName);
        expect(down(result)).toEqual([...new Set(down(errors))]);
        expect(result.filter((e) => e.extensions?.code !== "SUBGRAPH_UNAVAILABLE")).toEqual(
          errors.filter((e) => e.extensions?.code !== "SUBGRAPH_UNAVAILABLE"),
        );
        if (down(errors).length === 0) expect(result).toEqual(errors);
        // What remains keeps the input's order.
        let from = 0;
        for (const kept of result) {
          const at = errors.indexOf(kept, from);
          expect(at).toBeGreaterThanOrEqual(0);
          from = at + 1;
        }
      }),
    );
  });
});
