import { createHash } from "node:crypto";
import { type HttpAnswer, send, startTestSystem, type TestSystem } from "./support/system";

// Hand-made input a client library never sends (forged cursors, automatic-persisted-query extensions
// that do not add up), through the real HTTP gateway in production mode. Each must be a client error
// with a stable code, never "Internal error" (which is also logged at error level).

const INTERNALS = /stacktrace|node_modules|\/work\/|\.ts:\d+|127\.0\.0\.1|localhost:\d|SELECT |sqlite|SQLITE|QueryFailedError|typeorm/i;

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem("embedded", { NODE_ENV: "production", SUBGRAPH_TIMEOUT_MS: "3000" });
});
afterAll(async () => {
  await system?.stop();
});

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const rawCursor = (text: string) => Buffer.from(text).toString("base64url");

/** The error a forged request got, and how it looked on the wire. */
function outcome(answer: HttpAnswer) {
  const error = answer.body.errors?.[0];
  return { status: answer.status, code: error?.extensions?.code, argument: error?.extensions?.argument, internal: /Internal error/.test(answer.text) };
}

/** Logged at error level (pino level 50) since `mark`: what an on-call engineer would be paged for. */
function errorLogsSince(mark: number): string[] {
  return system.logs.slice(mark).filter((line) => /"level":(50|60)/.test(line));
}

/** Sends `query` once per forged cursor (as `$cursor`): each must be a 400 BAD_USER_INPUT naming `argument`, logged as no error. */
async function expectAllRejected(query: string, argument: string, forged: [string, string][]): Promise<void> {
  const mark = system.logs.length;
  for (const [what, cursor] of forged) {
    const answer = await send(system.url, JSON.stringify({ query, variables: { cursor } }));
    expect({ what, ...outcome(answer) }).toEqual({ what, status: 400, code: "BAD_USER_INPUT", argument, internal: false });
    expect(answer.text).not.toMatch(INTERNALS);
  }
  expect(errorLogsSince(mark)).toEqual([]);
}

describe("forged search cursors", () => {
  const forged: [string, string][] = [
    ["a huge offset (1e308)", cursorOf(["search", 1e308])],
    ["an offset past 2^53", cursorOf(["search", 12345678901234567890123])],
    ["a negative offset", cursorOf(["search", -1])],
    ["a fractional offset", cursorOf(["search", 1.5])],
    ["a string offset", cursorOf(["search", "10"])],
    ["a bare number", rawCursor("1e308")],
    ["an object", cursorOf({ search: 1 })],
    ["a keyset cursor", cursorOf(["2023-12-08", "inc-x"])],
    ["a 100 kB cursor", "A".repeat(100_000)],
  ];
  const fields = [
    ["searchIncidents", `query($cursor: String) { searchIncidents(query: "drone attack", after: $cursor) { totalCount edges { cursor } } }`],
    ["searchStatements", `query($cursor: String) { searchStatements(query: "embassy", after: $cursor) { totalCount edges { cursor } } }`],
  ];

  it.each(fields)("%s: every forged cursor is a 400 BAD_USER_INPUT naming `after`", (_field, query) => expectAllRejected(query, "after", forged));

  it("still pages with the cursors it hands out", async () => {
    const query = `query($after: String) { searchIncidents(query: "attack", first: 2, after: $after) { edges { cursor } pageInfo { endCursor } } }`;
    const first = await send(system.url, JSON.stringify({ query }));
    const next = await send(system.url, JSON.stringify({ query, variables: { after: first.body.data.searchIncidents.pageInfo.endCursor } }));
    expect(next.status).toBe(200);
    expect(next.body.data.searchIncidents.edges).toHaveLength(2);
  });
});

describe("forged list cursors", () => {
  const forged: [string, string][] = [
    ["a huge number as sort value", cursorOf([1e308, "x"])],
    ["a number past 2^53 as sort value", cursorOf([12345678901234567890123, "x"])],
    ["a number as id", cursorOf(["2023-12-08", 5])],
    ["an array as sort value", cursorOf([["a"], "x"])],
    ["an object as sort value", cursorOf([{ a: 1 }, "x"])],
    ["null (what NaN and Infinity become)", cursorOf([null, "x"])],
    ["a NUL byte", cursorOf(["2023\u0000", "x"])],
    ["a 50 kB sort value", cursorOf(["x".repeat(50_000), "x"])],
    ["a 50 kB id", cursorOf(["2023-12-08", "x".repeat(50_000)])],
    ["three items", cursorOf(["2023-12-08", "x", "y"])],
    ["a search cursor", cursorOf(["search", 5])],
    ["a bare number", rawCursor("1e308")],
    ["not base64 JSON", "%%%not-a-cursor%%%"],
  ];
  const roots = ["actors", "incidents", "places", "figures", "sources", "statements"];
  const nested = [
    ["Actor.incidents", `query($cursor: String) { actor(id: "act-iran") { incidents(after: $cursor) { totalCount edges { cursor } } } }`],
    ["Actor.statements", `query($cursor: String) { actor(id: "act-us-dod") { statements(after: $cursor) { totalCount edges { cursor } } } }`],
  ];

  it.each(roots)("%s: every forged `after` and `before` is a 400 BAD_USER_INPUT naming the argument", async (field) => {
    for (const argument of ["after", "before"]) {
      await expectAllRejected(`query($cursor: String) { ${field}(${argument}: $cursor) { totalCount edges { cursor } } }`, argument, forged);
    }
  });

  it.each(nested)("%s: every forged `after` is a 400 BAD_USER_INPUT naming `after`", (_field, query) => expectAllRejected(query, "after", forged));

  it("still pages both ways with the cursors it hands out", async () => {
    const query = `query($after: String, $before: String) { statements(first: 3, after: $after, before: $before) { edges { cursor } pageInfo { endCursor } } }`;
    const first = await send(system.url, JSON.stringify({ query }));
    const [, second, third] = first.body.data.statements.edges.map((edge: { cursor: string }) => edge.cursor);
    const next = await send(system.url, JSON.stringify({ query, variables: { after: second } }));
    expect(next.body.data.statements.edges[0].cursor).toBe(third);
    const back = await send(system.url, JSON.stringify({ query: query.replace("first: 3", "last: 1"), variables: { before: third } }));
    expect(back.body.data.statements.edges[0].cursor).toBe(second);
  });
});

describe("automatic persisted queries", () => {
  const query = `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title } }`;
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const apq = (body: Record<string, unknown>) => send(system.url, JSON.stringify(body));

  it("rejects a hash that does not match the query: 400 PERSISTED_QUERY_HASH_MISMATCH, not logged as an error", async () => {
    const mark = system.logs.length;
    const answer = await apq({ query, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(outcome(answer)).toMatchObject({ status: 400, code: "PERSISTED_QUERY_HASH_MISMATCH", internal: false });
    expect(answer.body.errors?.[0]?.message).toMatch(/provided sha does not match query/);
    expect(answer.body.data).toBeUndefined();
    expect(errorLogsSince(mark)).toEqual([]);
  });

  it("asks for the query when the hash is unknown (PERSISTED_QUERY_NOT_FOUND, the protocol's 200), then registers and serves it", async () => {
    const hash = sha256(query);
    const unknown = await apq({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(outcome(unknown)).toMatchObject({ status: 200, code: "PERSISTED_QUERY_NOT_FOUND", internal: false });
    const registered = await apq({ query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(registered.body).toEqual({ data: { incident: { title: expect.any(String) } } });
    const served = await apq({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(served.body).toEqual(registered.body);
  });

  it("rejects an unsupported version, a garbage hash and a non-object extension with 400 and a stable code", async () => {
    const mark = system.logs.length;
    const version = await apq({ query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } });
    expect(outcome(version)).toMatchObject({ status: 400, code: "PERSISTED_QUERY_VERSION_NOT_SUPPORTED", internal: false });
    const garbage = await apq({ query, extensions: { persistedQuery: { version: 1, sha256Hash: { $ne: null } } } });
    expect(outcome(garbage)).toMatchObject({ status: 400, code: "PERSISTED_QUERY_HASH_MISMATCH", internal: false });
    const notObject = await apq({ query, extensions: { persistedQuery: "yes" } });
    expect(outcome(notObject)).toMatchObject({ status: 400, internal: false });
    expect(errorLogsSince(mark)).toEqual([]);
  });
});
