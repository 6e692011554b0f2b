import { GATEWAY_SECRET_HEADER } from "../subgraphs/lib/http";
import { startOneSubgraph } from "./support/subgraph";
import { type HttpAnswer, post, send, startTestSystem, type TestSystem } from "./support/system";

// Every kind of bad request, through the real HTTP gateway in production mode. Each case checks the
// HTTP status, the stable error code, that the message names the problem, and that nothing internal
// (stack traces, file paths, hosts and ports, SQL) reaches the client.

const INTERNALS = /stacktrace|node_modules|\/work\/|\.ts:\d+|127\.0\.0\.1|localhost:\d|ECONNREFUSED|SELECT |INSERT |sqlite|SQLITE|QueryFailedError|typeorm/i;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem("embedded", { NODE_ENV: "production", SUBGRAPH_TIMEOUT_MS: "3000" });
});
afterAll(async () => {
  await system?.stop();
});

/** Asserts a rejected request's shape and returns its first error. */
function rejected(answer: HttpAnswer, status: number, code: string, mentions: RegExp) {
  expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  const error = answer.body.errors?.[0];
  expect(error?.message).toMatch(mentions);
  expect(answer.text).not.toMatch(INTERNALS);
  return error;
}

const json = { "content-type": "application/json" };
const nested = (levels: number) => `{ incident(id: "x") { ${"links { from { ".repeat(levels)} id ${"} } ".repeat(levels)} } }`;

describe("operation limits", () => {
  it("rejects a depth bomb (nested links), naming the limit and the allowed depth", async () => {
    const error = rejected(await post(system.url, nested(10)), 400, "MAX_DEPTH_EXCEEDED", /depth \(\d+\) exceeds the limit of 15/);
    expect(error?.extensions).toMatchObject({ limit: "maxDepth", allowed: 15 });
  });

  it("rejects an alias flood", async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    rejected(await post(system.url, query), 400, "MAX_ALIASES_EXCEEDED", /aliases \(40\) exceeds the limit of 30/);
  });

  it("rejects circular fragments at validation", async () => {
    const query = `query { incident(id: "x") { ...A } } fragment A on Incident { links { from { ...B } } } fragment B on Incident { links { to { ...A } } }`;
    rejected(await post(system.url, query), 400, "GRAPHQL_VALIDATION_FAILED", /Cannot spread fragment "A" within itself/);
  });

  it("rejects a field duplication flood before validation", async () => {
    const query = `{ ${Array(300).fill('incident(id: "x") { id }').join(" ")} }`;
    const started = Date.now();
    const error = rejected(await post(system.url, query), 400, "MAX_FIELDS_EXCEEDED", /fields in the document \(600\) exceeds the limit of 500/);
    expect(error?.extensions).toMatchObject({ limit: "maxFields", allowed: 500, found: 600 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("rejects a field duplication flood sent by GET before validation too", async () => {
    const query = `{ ${Array(300).fill('incident(id: "x") { id }').join(" ")} }`;
    const response = await fetch(`${system.url}?query=${encodeURIComponent(query)}`, { headers: { "apollo-require-preflight": "true" } });
    const text = await response.text();
    rejected(
      { status: response.status, body: JSON.parse(text) as HttpAnswer["body"], text },
      400,
      "MAX_FIELDS_EXCEEDED",
      /fields in the document \(600\) exceeds/,
    );
  });

  it("rejects a directive flood", async () => {
    const query = `{ incident(id: "x") { ${Array.from({ length: 25 }, (_, i) => `f${i}: id @include(if: true)`).join(" ")} } }`;
    rejected(await post(system.url, query), 400, "MAX_DIRECTIVES_EXCEEDED", /directives \(25\) exceeds the limit of 20/);
  });

  it("rejects a token flood at the parser", async () => {
    const query = `{ incident(id: "x") { id ${"__typename ".repeat(6000)} } }`;
    const error = rejected(await post(system.url, query), 400, "MAX_TOKENS_EXCEEDED", /more than 5000 tokens/);
    expect(error?.extensions).toMatchObject({ limit: "maxTokens", allowed: 5000 });
  });

  it("rejects too many root fields", async () => {
    const query = `{ ${Array.from({ length: 21 }, (_, i) => `i${i}: incident(id: "${i}") { id }`).join(" ")} }`;
    const error = rejected(await post(system.url, query), 400, "MAX_ROOT_FIELDS_EXCEEDED", /root fields \(21\) exceeds the limit of 20/);
    expect(error?.extensions).toMatchObject({ limit: "maxRootFields", allowed: 20, found: 21 });
  });

  it("rejects an operation whose cost (list sizes from `first`) is too high", async () => {
    const query = `{ incidents(first: 100) { edges { node { participants { actor { statements(first: 100) { edges { node { quotes { text } appearances { evidence { sentence } } } } } } } } } } }`;
    const error = rejected(await post(system.url, query), 400, "MAX_COST_EXCEEDED", /estimated cost .*\(\d+\) exceeds the limit of 100000/);
    expect(error?.extensions).toMatchObject({ limit: "maxCost", allowed: 100_000 });
    expect(error?.extensions?.found).toBeGreaterThan(100_000);
  });

  it("rejects a list argument longer than the limit", async () => {
    const answer = await post(system.url, `query($ids: [ID!]) { incidents(filter: { actorIds: $ids }) { totalCount } }`, {
      ids: Array.from({ length: 500 }, (_, i) => `a${i}`),
    });
    rejected(answer, 400, "MAX_LIST_ITEMS_EXCEEDED", /list argument's length \(500\) exceeds the limit of 100/);
  });

  it("rejects a body over 2 MB with 413", async () => {
    const answer = await send(system.url, JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(2_200_000) } }));
    const error = rejected(answer, 413, "PAYLOAD_TOO_LARGE", /larger than the 2mb limit/);
    expect(error?.extensions).toMatchObject({ limit: "maxBody", allowed: "2mb" });
  });

  it("rejects a huge page size, naming `first` and the maximum", async () => {
    const error = rejected(await post(system.url, `{ incidents(first: 5000) { totalCount } }`), 400, "BAD_USER_INPUT", /`first` must be between 0 and 100/);
    expect(error?.extensions).toMatchObject({ argument: "first", max: 100 });
  });
});

describe("protocol errors", () => {
  it("rejects a batched array of operations", async () => {
    rejected(await send(system.url, JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }])), 400, "BAD_REQUEST", /batching disabled/i);
  });

  it("rejects a mutation over GET with 405", async () => {
    const response = await fetch(`${system.url}?query=${encodeURIComponent('mutation { retractStatement(input: { id: "x", reason: "r" }) { outcome } }')}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    const answer = { status: response.status, text: await response.text(), body: {} as HttpAnswer["body"] };
    answer.body = JSON.parse(answer.text) as HttpAnswer["body"];
    rejected(answer, 405, "BAD_REQUEST", /GET requests only support query operations/);
  });

  it("rejects a CSRF-style simple request (text/plain) and a GET without a preflight header", async () => {
    rejected(
      await send(system.url, JSON.stringify({ query: "{ __typename }" }), { "content-type": "text/plain" }),
      400,
      "BAD_REQUEST",
      /Cross-Site Request Forgery/,
    );
    const response = await fetch(`${system.url}?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
  });

  it("rejects malformed JSON with 400", async () => {
    rejected(await send(system.url, '{"query": "{ __typename }"'), 400, "BAD_REQUEST", /not valid JSON/);
  });

  it("rejects an empty query", async () => {
    rejected(await send(system.url, JSON.stringify({ query: "" })), 400, "BAD_REQUEST", /query/i);
  });

  it("rejects a syntax error with GRAPHQL_PARSE_FAILED", async () => {
    rejected(await post(system.url, `{ incident(id: "x" { id } }`), 400, "GRAPHQL_PARSE_FAILED", /Syntax Error/);
  });

  it("rejects an unknown operationName with 400, not 500", async () => {
    const error = rejected(
      await post(system.url, `query A { __typename } query B { __typename }`, undefined, "C"),
      400,
      "OPERATION_RESOLUTION_FAILURE",
      /Unknown operation named "C"/,
    );
    expect(error?.message).toMatch(/Set operationName/);
  });

  it("rejects introspection in production, without suggesting field names", async () => {
    rejected(await post(system.url, `{ __schema { types { name } } }`), 400, "GRAPHQL_VALIDATION_FAILED", /introspection is not allowed/i);
    const answer = await post(system.url, `{ incidnt(id: "x") { id } }`);
    rejected(answer, 400, "GRAPHQL_VALIDATION_FAILED", /Cannot query field "incidnt"/);
    expect(answer.text).not.toMatch(/Did you mean/);
  });

  it("returns the request id in a header and in every error, and keeps a client's own id", async () => {
    const answer = await send(system.url, JSON.stringify({ query: `{ incidents(first: -1) { totalCount } }` }), { ...json, "x-request-id": "client-abc-123" });
    expect(answer.body.errors?.[0]?.extensions?.requestId).toBe("client-abc-123");
    const response = await fetch(system.url, { method: "POST", headers: json, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("arguments and variables", () => {
  it("rejects a variable of the wrong type", async () => {
    rejected(await post(system.url, `query($n: Int) { incidents(first: $n) { totalCount } }`, { n: "ten" }), 400, "BAD_USER_INPUT", /\$n.*Int/);
  });

  it("rejects null for a non-null variable", async () => {
    rejected(await post(system.url, `query($id: ID!) { incident(id: $id) { id } }`, { id: null }), 400, "BAD_USER_INPUT", /\$id.*non-null/i);
  });

  it("rejects a malformed cursor, naming `after`", async () => {
    rejected(await post(system.url, `{ statements(after: "not a cursor") { totalCount } }`), 400, "BAD_USER_INPUT", /`after` is not a cursor/);
  });

  it("rejects an out-of-range latitude and a radius without a point", async () => {
    rejected(
      await post(system.url, `{ incidents(filter: { near: { latitude: -91, longitude: 0, radiusKm: 5 } }) { totalCount } }`),
      400,
      "BAD_USER_INPUT",
      /filter\.near\.latitude/,
    );
    rejected(await post(system.url, `{ incidents(filter: { near: { radiusKm: 5 } }) { totalCount } }`), 400, "BAD_USER_INPUT", /radius without a point/);
  });

  it("rejects a very long name or search, naming the argument and the maximum", async () => {
    rejected(
      await post(system.url, `query($n: String!) { resolveActor(name: $n) { score } }`, { n: "x".repeat(10_000) }),
      400,
      "BAD_USER_INPUT",
      /`name` is 10000 characters long; at most 200/,
    );
    rejected(
      await post(system.url, `query($q: String!) { searchStatements(query: $q) { totalCount } }`, { q: "word ".repeat(200) }),
      400,
      "BAD_USER_INPUT",
      /`query` is 1000 characters/,
    );
  });

  it.each([["' OR 1=1 --"], ["%"], ["_"], ['"; DROP TABLE incident; --'], ["\\"], ["Robert'); DELETE FROM actor;--"], ["K%"]])(
    "treats %p as text in every string filter (no match, no error, no wildcard)",
    async (text) => {
      const query = `query($t: String!, $ids: [ID!], $codes: [String!]) {
      resolveActor(name: $t) { actor { id } }
      resolvePlace(name: $t) { place { id } }
      byPlace: incidents(filter: { place: $t }) { totalCount }
      byIds: incidents(filter: { actorIds: $ids, placeIds: $ids }) { totalCount }
      byCountry: incidents(filter: { countryCodes: $codes }) { totalCount }
      statements(filter: { speakerIds: $ids, onBehalfOfIds: $ids, incidentIds: $ids }) { totalCount }
      figures(filter: { reporterIds: $ids }) { totalCount }
    }`;
      const answer = await post(system.url, query, { t: text, ids: [text], codes: [text] });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      const data = answer.body.data;
      expect(data.resolveActor).toEqual([]);
      expect(data.resolvePlace).toEqual([]);
      expect([data.byPlace.totalCount, data.byIds.totalCount, data.byCountry.totalCount, data.statements.totalCount, data.figures.totalCount]).toEqual([
        0, 0, 0, 0, 0,
      ]);
      // And nothing was dropped or deleted.
      const still = await post(system.url, `{ incidents { totalCount } actors { totalCount } }`);
      expect(still.body.data).toEqual({ incidents: { totalCount: 15 }, actors: { totalCount: 56 } });
    },
  );

  it.each([["Ḥashd al-Shaʿbi 🚀"], ["حزب الله"], ["\u0000\u202e"], ["Kataib\u200bHezbollah"]])("answers unicode %p without an error", async (text) => {
    const answer = await post(system.url, `query($t: String!) { resolveActor(name: $t) { actor { id } } searchIncidents(query: "embassy") { totalCount } }`, {
      t: text,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});

describe("subgraphs trust only the gateway", () => {
  const statementUrl = () => system.subgraphs.find((service) => service.name === "statement")!.url;

  it("refuses a request sent straight to a subgraph without the gateway's secret", async () => {
    rejected(await post(statementUrl(), `{ sources { totalCount } }`), 401, "UNAUTHENTICATED", /answers the gateway only/);
    rejected(
      await send(statementUrl(), JSON.stringify({ query: "{ __typename }" }), { ...json, [GATEWAY_SECRET_HEADER]: "guess" }),
      401,
      "UNAUTHENTICATED",
      /gateway only/,
    );
  });

  it("caps `_entities` representations even for the gateway", async () => {
    // The embedded system's secret is private to it; a subgraph started here with a known secret stands in.
    const subgraph = await startOneSubgraph("statement", 0, { secret: "s3cret", maxEntities: 100 });
    try {
      const representations = Array.from({ length: 101 }, (_, i) => ({ __typename: "Statement", id: `s${i}` }));
      const answer = await send(
        subgraph.url,
        JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Statement { id } } }`, variables: { r: representations } }),
        { ...json, [GATEWAY_SECRET_HEADER]: "s3cret" },
      );
      const error = rejected(answer, 400, "MAX_ENTITIES_EXCEEDED", /101 entity representations exceed the limit of 100/);
      expect(error?.extensions).toMatchObject({ limit: "maxEntities", allowed: 100 });
    } finally {
      await subgraph.stop();
    }
  });
});

describe("internal errors in production", () => {
  it("masks a database failure: no SQL, no table names, a request id to quote", async () => {
    // Break the statement database under the running system (the last test of this file).
    await system.databases.statement!.dataSource.query("DROP TABLE statement_quote");
    const answer = await send(system.url, JSON.stringify({ query: `{ statement(id: "stmt-miller-embassy-attack") { id quotes { text } } }` }), {
      ...json,
      "x-request-id": "masked-1",
    });
    expect(answer.status).toBe(200);
    const error = answer.body.errors?.[0];
    expect(error?.message).toBe("Internal error. Quote request id masked-1 to the operator.");
    expect(answer.text).not.toMatch(INTERNALS);
    expect(answer.text).not.toMatch(/statement_quote/);
    expect(system.logs.join("\n")).toMatch(/statement_quote/);
  });
});
