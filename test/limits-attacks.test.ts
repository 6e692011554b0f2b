import { GATEWAY_SECRET_HEADER } from "../subgraphs/lib/http";
import type { RunningService } from "../subgraphs/lib/http";
import { readReadme } from "./support/readme";
import { startOneSubgraph } from "./support/subgraph";
import { type HttpAnswer, post, send, startTestSystem, type TestSystem } from "./support/system";

// Attacks on the operation limits found by an outside suite, replayed over real HTTP in production
// mode against the gateway and straight against a subgraph (with the gateway's secret). Each one
// used to hang the event loop for seconds, answer 500, slip past a limit or return megabytes.

const SECRET = "s";
const json = { "content-type": "application/json" };

let system: TestSystem;
let statement: RunningService;
beforeAll(async () => {
  system = await startTestSystem("embedded", { NODE_ENV: "production", SUBGRAPH_TIMEOUT_MS: "5000" });
  statement = await startOneSubgraph("statement", 0, { secret: SECRET, production: true });
  // The first request plans and caches; the timings below are about the attacks, not a cold start.
  await post(system.url, "{ __typename }");
});
afterAll(async () => {
  await system?.stop();
  await statement?.stop();
});

/** Sends an operation (or a request body written by hand) and times the answer. */
async function timed(url: string, body: object | string, headers: Record<string, string> = json): Promise<HttpAnswer & { ms: number }> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const started = performance.now();
  const answer = await send(url, text, headers);
  const ms = performance.now() - started;
  return { ...answer, ms };
}

/** Sends an operation straight to the statement subgraph, as the gateway would. */
const toSubgraph = (query: string, variables?: Record<string, unknown>) =>
  timed(statement.url, { query, variables }, { ...json, [GATEWAY_SECRET_HEADER]: SECRET });

/** Asserts a refusal: HTTP 400 with one of the given codes. */
function refused(answer: HttpAnswer, ...codes: string[]) {
  expect(answer.status).toBe(400);
  expect(codes).toContain(answer.body.errors?.[0]?.extensions?.code);
  expect(answer.text).not.toMatch(/stacktrace|node_modules/);
}

/** `levels` fragments, each spreading the one before twice: 2^(levels-1) copies of `leaf` once expanded. */
function fragmentBomb(levels: number, type: string, leaf: string): string {
  const fragments = [`fragment F1 on ${type} { ${leaf} }`];
  for (let level = 2; level <= levels; level += 1) fragments.push(`fragment F${level} on ${type} { ...F${level - 1} ...F${level - 1} }`);
  return fragments.join(" ");
}

/** A request body whose variable `name` is nested `levels` deep, written as text (JSON.stringify would overflow the stack). */
function nestedBody(query: string, name: string, levels: number, open: string, leaf: string, close: string): string {
  return `{"query":${JSON.stringify(query)},"variables":{"${name}":${open.repeat(levels)}${leaf}${close.repeat(levels)}}}`;
}

const representations = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => ({ __typename: "Statement", id: `s${offset + i}` }));

describe("fragment bombs", () => {
  it("refuses 22 nested fragments on Query at the gateway within well under a second, while other requests go on", async () => {
    const query = `query { ...F22 } ${fragmentBomb(22, "Query", "__typename")}`;
    const [bomb, other] = await Promise.all([timed(system.url, { query }), timed(system.url, { query: "{ __typename }" })]);
    refused(bomb, "GRAPHQL_VALIDATION_FAILED", "MAX_COST_EXCEEDED");
    expect(bomb.ms).toBeLessThan(1000);
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(1000);
  });

  it("refuses 22 nested fragments over a real type (Incident)", async () => {
    const query = `query { incident(id: "x") { ...F22 } } ${fragmentBomb(22, "Incident", "id title")}`;
    const bomb = await timed(system.url, { query });
    refused(bomb, "GRAPHQL_VALIDATION_FAILED", "MAX_COST_EXCEEDED");
    expect(bomb.ms).toBeLessThan(1000);
  });

  it("refuses a smaller bomb that passes validation with the cost limit, measured without expanding it", async () => {
    const query = `query { incident(id: "x") { ...F18 } } ${fragmentBomb(18, "Incident", "id")}`;
    const bomb = await timed(system.url, { query });
    refused(bomb, "MAX_COST_EXCEEDED");
    expect(bomb.ms).toBeLessThan(1000);
  });

  it("refuses the bomb sent straight to a subgraph with the secret", async () => {
    const bomb = await toSubgraph(`query { ...F22 } ${fragmentBomb(22, "Query", "__typename")}`);
    refused(bomb, "GRAPHQL_VALIDATION_FAILED", "MAX_ROOT_FIELDS_EXCEEDED");
    expect(bomb.ms).toBeLessThan(1000);
    const smaller = await toSubgraph(`query { ...F20 } ${fragmentBomb(20, "Query", "__typename")}`);
    refused(smaller, "MAX_ROOT_FIELDS_EXCEEDED");
    expect(smaller.ms).toBeLessThan(1000);
  });
});

describe("hostile variables", () => {
  const byActors = `query($ids: [ID!]) { incidents(filter: { actorIds: $ids }) { totalCount } }`;

  it("refuses a list variable nested 10,000 deep with 400, not 500", async () => {
    const answer = await timed(system.url, nestedBody(byActors, "ids", 10_000, "[", '"a"', "]"));
    refused(answer, "MAX_DEPTH_EXCEEDED");
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: "maxVariableDepth" });
  });

  it("refuses an input object nested 10,000 deep with 400, not 500", async () => {
    const query = `query($filter: IncidentFilter) { incidents(filter: $filter) { totalCount } }`;
    const answer = await timed(system.url, nestedBody(query, "filter", 10_000, '{"actorIds":', '["a"]', "}"));
    refused(answer, "MAX_DEPTH_EXCEEDED");
  });

  it("refuses a 600,000-item list variable with MAX_LIST_ITEMS_EXCEEDED", async () => {
    const answer = await timed(system.url, { query: byActors, variables: { ids: new Array(600_000).fill(0) } });
    refused(answer, "MAX_LIST_ITEMS_EXCEEDED");
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: "maxListItems", allowed: 100, found: 600_000 });
  });

  it("still answers a wrongly typed variable with BAD_USER_INPUT", async () => {
    refused(await timed(system.url, { query: byActors, variables: { ids: [{ nested: true }] } }), "BAD_USER_INPUT");
  });
});

describe("cost from variables and their defaults", () => {
  // 25 incidents × 20 participants (their `@listSize`) × (actor, statements, edges, and `first` ×
  // node and text): 100 is 101,552, over the 100,000 allowed; 2 is 3,552.
  const costly = (first: string, definition = "") =>
    `query${definition} { incidents(first: 25) { edges { node { participants { actor { statements(first: ${first}) { edges { node { text } } } } } } } } }`;

  it("refuses `first: $n` with a default of 100 exactly like `first: 100`", async () => {
    refused(await timed(system.url, { query: costly("100") }), "MAX_COST_EXCEEDED");
    refused(await timed(system.url, { query: costly("$n", "($n: Int = 100)") }), "MAX_COST_EXCEEDED");
    refused(await timed(system.url, { query: costly("$n", "($n: Int)"), variables: { n: 100 } }), "MAX_COST_EXCEEDED");
  });

  it("accepts `first: $n` with a small default", async () => {
    const answer = await timed(system.url, { query: costly("$n", "($n: Int = 2)") });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.incidents.edges.length).toBe(15); // all the bundled incidents
  });
});

describe("`_entities` representations are counted after expanding fragments", () => {
  const entities = (variable: string) => `_entities(representations: ${variable}) { ... on Statement { id } }`;
  const declare = (...names: string[]) => `(${names.map((name) => `$${name}: [_Any!]!`).join(", ")})`;

  it("refuses 10,000 representations behind a named fragment", async () => {
    const answer = await toSubgraph(`query${declare("r")} { ...E } fragment E on Query { ${entities("$r")} }`, { r: representations(10_000) });
    refused(answer, "MAX_ENTITIES_EXCEEDED");
  });

  it("refuses 10,000 representations behind `... on Query`", async () => {
    const answer = await toSubgraph(`query${declare("r")} { ... on Query { ${entities("$r")} } }`, { r: representations(10_000) });
    refused(answer, "MAX_ENTITIES_EXCEEDED");
  });

  it("refuses two aliases of 5,000 representations each", async () => {
    const query = `query${declare("a", "b")} { a: ${entities("$a")} b: ${entities("$b")} }`;
    const answer = await toSubgraph(query, { a: representations(5000), b: representations(5000, 5000) });
    refused(answer, "MAX_ENTITIES_EXCEEDED");
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ limit: "maxEntities", allowed: 5000, found: 10_000 });
  });

  it("refuses one list of 5,000 used twice through a fragment and an inline fragment", async () => {
    const query = `query${declare("r")} { ...E ... on Query { b: ${entities("$r")} } } fragment E on Query { a: ${entities("$r")} }`;
    refused(await toSubgraph(query, { r: representations(5000) }), "MAX_ENTITIES_EXCEEDED");
  });

  it("answers 5,000 representations, the limit", async () => {
    const answer = await toSubgraph(`query${declare("r")} { ${entities("$r")} }`, { r: representations(5000) });
    expect(answer.status).toBe(200);
    expect(answer.body.data._entities.length).toBe(5000);
  });
});

describe("subgraphs apply operation limits of their own", () => {
  it("refuses 2,000 aliases of `statements(first: 100)` sent straight to the statement subgraph", async () => {
    const query = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: statements(first: 100) { edges { node { id text } } }`).join(" ")} }`;
    const started = Date.now();
    const answer = await toSubgraph(query);
    // Refused before validation (whose field-merging check is quadratic): 8,000 fields over the subgraph's 5,000.
    refused(answer, "MAX_FIELDS_EXCEEDED");
    expect(answer.text.length).toBeLessThan(2000);
    console.log(`2,000 aliases straight to a subgraph: ${answer.status} in ${Date.now() - started} ms, ${answer.text.length} bytes`);
  });

  it("still answers the README's query through all three subgraphs", async () => {
    const query = /```graphql\n(query EmbassyAttack[\s\S]*?)```/.exec(readReadme())?.[1];
    expect(query).toBeDefined();
    const answer = await post(system.url, query!);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.incident.participants.length).toBeGreaterThan(0);
    expect(answer.body.data.incident.statements[0].speaker.name).toBeTruthy();
  });
});
