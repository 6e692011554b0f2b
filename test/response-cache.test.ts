import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { CacheAdmission } from "../gateway/cache-admission";
import { MemoryStore } from "../gateway/cache-store";
import { SharedVersionRead } from "../gateway/data-versions";
import { Cleanup, freePort, healthReady, type Service, spawnService } from "../bench/processes";
import { SUBGRAPH_NAMES } from "../subgraphs/lib/config";
import { GATEWAY_SECRET_HEADER } from "../subgraphs/lib/http";
import { type HttpAnswer, send, startTestSystem, type TestSystem } from "./support/system";
import { signToken, TEST_JWT_SECRET } from "./support/tokens";

// The gateway's response cache through real HTTP: answers keyed by the data versions of the
// subgraphs a plan touches, so a write through the gateway makes the next read fresh; what must
// never be cached is not; ETag/304, automatic persisted queries in the same store; with Redis, two
// gateway processes over the same subgraph processes share one cache, and Redis down costs nothing
// but the cache.

const INCIDENT = "inc-2023-12-01-kirkuk-strike";
const SPEAKER = "act-matthew-miller";
/** Touches the incident and statement subgraphs. */
const INCIDENT_QUERY = `query Incident($id: ID!) { incident(id: $id) { title statements { id text } } }`;
/** Touches the actor subgraph only. */
const ACTOR_QUERY = `query Actor($id: ID!) { actor(id: $id) { id name } }`;
const UPSERT = `mutation Upsert($input: StatementInput!) { upsertStatement(input: $input) { outcome statement { id text } } }`;

/** A complete statement input about INCIDENT (or the incident given). */
function statementInput(id: string, text: string, incident = INCIDENT): Record<string, unknown> {
  return {
    id,
    speakerId: SPEAKER,
    saidOn: "2023-12-09",
    saidOnPrecision: "DAY",
    channel: "PRESS_RELEASE",
    mode: "PARAPHRASE",
    text,
    aboutIncidentIds: [incident],
    evidence: { sourceId: "src-000", sentence: "The State Department condemned the attack." },
    importId: "import-cache-test",
  };
}

/** POSTs an operation to a gateway's `/graphql` with extra headers. */
function call(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return send(url, JSON.stringify({ query, variables }), { "content-type": "application/json", ...headers });
}

/** Subgraph fetches the gateway has made so far (its `subgraph_fetch_duration_seconds` counts). */
async function subgraphFetches(gatewayUrl: string): Promise<number> {
  const text = await (await fetch(new URL("/metrics", gatewayUrl))).text();
  return [...text.matchAll(/^subgraph_fetch_duration_seconds_count\{[^}]*\}\s+(\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** The value of a counter on a gateway's `/metrics`. */
async function counter(gatewayUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL("/metrics", gatewayUrl))).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\d+)`, "m").exec(text);
  return match ? Number(match[1]) : NaN;
}

/** How many times the gateway has asked the subgraphs for their data version (their `/metrics`). */
async function dataVersionReads(subgraphs: { url: string }[]): Promise<number> {
  let total = 0;
  for (const subgraph of subgraphs) {
    const text = await (await fetch(new URL("/metrics", subgraph.url))).text();
    for (const match of text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="\/data-version"[^}]*\}\s+(\d+)/gm)) total += Number(match[1]);
  }
  return total;
}

/** Asks until the answer comes from the cache (a document's first run learns its plan, the next stores it). */
async function warm(url: string, query: string, variables: Record<string, unknown>): Promise<HttpAnswer> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await call(url, query, variables);
    if (answer.headers?.get("x-cache") === "hit") return answer;
  }
  throw new Error(`${query} never came from the cache`);
}

describe("the response cache (memory, embedded subgraphs)", () => {
  let system: TestSystem;
  let writer: string;
  let reader: string;
  const GATEWAY_SECRET = "response-cache-test-secret";
  beforeAll(async () => {
    system = await startTestSystem("embedded", { JWT_SECRET: TEST_JWT_SECRET, GATEWAY_SECRET });
    writer = await signToken({ sub: "analyst-1", scope: "write:statement" });
    reader = await signToken({ sub: "viewer-2", scope: "read" });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("serves a repeated query from the cache: same answer, no subgraph call, x-cache hit with an age", async () => {
    const variables = { id: "inc-2023-12-08-baghdad-embassy" };
    const first = await call(system.url, INCIDENT_QUERY, variables);
    expect(first.status).toBe(200);
    expect(first.body.data.incident.title).toMatch(/embassy/i);
    expect(first.headers?.get("x-cache")).toBe("miss");
    expect(first.headers?.get("cache-control")).toBe("no-cache");
    const hit = await warm(system.url, INCIDENT_QUERY, variables);
    const before = await subgraphFetches(system.url);
    const hitsBefore = await counter(system.url, "response_cache_hits_total");
    const again = await Promise.all(Array.from({ length: 5 }, () => call(system.url, INCIDENT_QUERY, variables)));
    expect(await subgraphFetches(system.url)).toBe(before);
    expect(await counter(system.url, "response_cache_hits_total")).toBe(hitsBefore + 5);
    for (const answer of again) {
      expect(answer.body).toEqual(first.body);
      expect(answer.headers?.get("x-cache")).toBe("hit");
      expect(answer.headers?.get("age")).toMatch(/^\d+$/);
      expect(answer.headers?.get("etag")).toBe(hit.headers?.get("etag"));
    }
    // Other variables are another entry; the same document written differently is the same one.
    expect((await call(system.url, INCIDENT_QUERY, { id: INCIDENT })).headers?.get("x-cache")).toBe("miss");
    const reformatted = `query Incident($id: ID!) {\n  incident(id: $id) {\n    title\n    statements { id text }\n  }\n}`;
    await warm(system.url, reformatted, variables);
  });

  it("answers a read after a write through the gateway with the write in it (never stale); the old ETag no longer matches", async () => {
    const variables = { id: INCIDENT };
    const cached = await warm(system.url, INCIDENT_QUERY, variables);
    const etag = cached.headers!.get("etag")!;
    const text = `Cache test statement ${randomBytes(4).toString("hex")}: the department condemned the strike.`;
    const write = await call(system.url, UPSERT, { input: statementInput("stmt-cache-1", text) }, { authorization: `Bearer ${writer}` });
    expect(write.body.errors).toBeUndefined();
    expect(write.body.data.upsertStatement.outcome).toBe("CREATED");
    expect(write.headers?.get("x-cache")).toBe("bypass");
    expect(write.headers?.get("cache-control")).toBe("private, no-store");
    const after = await call(system.url, INCIDENT_QUERY, variables, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers?.get("x-cache")).toBe("miss");
    expect(after.headers?.get("etag")).not.toBe(etag);
    expect(after.body.data.incident.statements).toContainEqual({ id: "stmt-cache-1", text });
    // And a second write (an update) is seen at once too.
    const updated = `${text} Updated.`;
    await warm(system.url, INCIDENT_QUERY, variables);
    await call(system.url, UPSERT, { input: statementInput("stmt-cache-1", updated) }, { authorization: `Bearer ${writer}` });
    expect((await call(system.url, INCIDENT_QUERY, variables)).body.data.incident.statements).toContainEqual({ id: "stmt-cache-1", text: updated });
  });

  it("keeps answers of queries whose plan does not touch the written subgraph, and they equal a fresh read", async () => {
    const variables = { id: SPEAKER };
    const cached = await warm(system.url, ACTOR_QUERY, variables);
    const write = await call(
      system.url,
      UPSERT,
      { input: statementInput("stmt-cache-2", "Cache test statement two: the department condemned the strike.") },
      { authorization: `Bearer ${writer}` },
    );
    expect(write.body.errors).toBeUndefined();
    const after = await call(system.url, ACTOR_QUERY, variables);
    expect(after.headers?.get("x-cache")).toBe("hit");
    expect(after.headers?.get("etag")).toBe(cached.headers?.get("etag"));
    // A caller with a token always runs the operation: the fresh answer.
    const fresh = await call(system.url, ACTOR_QUERY, variables, { authorization: `Bearer ${reader}` });
    expect(fresh.headers?.get("x-cache")).toBe("bypass");
    expect(after.body).toEqual(fresh.body);
  });

  it("never caches an authenticated request: private, no-store, and every one reaches the subgraphs", async () => {
    const variables = { id: "inc-2023-12-08-baghdad-embassy" };
    await warm(system.url, INCIDENT_QUERY, variables);
    for (let round = 0; round < 2; round++) {
      const before = await subgraphFetches(system.url);
      const answer = await call(system.url, INCIDENT_QUERY, variables, { authorization: `Bearer ${reader}` });
      expect(answer.status).toBe(200);
      expect(answer.headers?.get("x-cache")).toBe("bypass");
      expect(answer.headers?.get("cache-control")).toBe("private, no-store");
      expect(answer.headers?.get("etag") ?? "").not.toMatch(/^"/);
      expect(await subgraphFetches(system.url)).toBeGreaterThan(before);
    }
  });

  it("never caches a mutation, introspection or an answer with errors", async () => {
    const rejected = await call(system.url, UPSERT, { input: statementInput("stmt-cache-3", "x") });
    expect(rejected.headers?.get("x-cache")).toBe("bypass");
    expect(rejected.headers?.get("cache-control")).toBe("no-store");
    for (let round = 0; round < 3; round++) {
      const introspection = await call(system.url, `{ __schema { queryType { name } } }`);
      expect(introspection.body.data.__schema.queryType.name).toBe("Query");
      expect(introspection.headers?.get("x-cache")).toBe("bypass");
    }
    const failing = `query Bad { incidents(first: 1, last: 1) { edges { node { id } } } }`;
    for (let round = 0; round < 3; round++) {
      const before = await subgraphFetches(system.url);
      const answer = await call(system.url, failing);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(answer.headers?.get("x-cache")).toBe("bypass");
      expect(answer.headers?.get("cache-control")).toBe("no-store");
      expect(await subgraphFetches(system.url)).toBeGreaterThan(before);
    }
  });

  it("runs a query's first sighting without reading a data version or storing it; caches it from the second; a write between still shows", async () => {
    const incident = "inc-2023-10-17-attacks-on-us-forces";
    const variables = { id: incident };
    // The document's plan is known (another incident), so only the admission policy decides below.
    await warm(system.url, INCIDENT_QUERY, { id: "inc-2023-12-08-baghdad-embassy" });
    const reads = await dataVersionReads(system.subgraphs);
    const notAdmitted = await counter(system.url, "response_cache_not_admitted_total");
    const misses = await counter(system.url, "response_cache_misses_total");

    const first = await call(system.url, INCIDENT_QUERY, variables);
    expect(first.body.data.incident.title).toBeTruthy();
    expect(first.headers?.get("x-cache")).toBe("miss");
    expect(first.headers?.get("cache-control")).toBe("no-cache");
    // No key, so no ETag of ours (Express's weak one on the body is all).
    expect(first.headers?.get("etag") ?? "").not.toMatch(/^"/);
    expect(await dataVersionReads(system.subgraphs)).toBe(reads);
    expect(await counter(system.url, "response_cache_not_admitted_total")).toBe(notAdmitted + 1);
    expect(await counter(system.url, "response_cache_misses_total")).toBe(misses);

    // A write between the first and second sighting: the second runs on the new data and is stored.
    const text = `Admission test statement ${randomBytes(4).toString("hex")}: the department condemned the attacks.`;
    const write = await call(system.url, UPSERT, { input: statementInput("stmt-cache-admit", text, incident) }, { authorization: `Bearer ${writer}` });
    expect(write.body.errors).toBeUndefined();
    const second = await call(system.url, INCIDENT_QUERY, variables);
    expect(second.headers?.get("x-cache")).toBe("miss");
    expect(second.headers?.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(second.body.data.incident.statements).toContainEqual({ id: "stmt-cache-admit", text });
    expect(await dataVersionReads(system.subgraphs)).toBeGreaterThan(reads);
    expect(await counter(system.url, "response_cache_misses_total")).toBe(misses + 1);

    const fetches = await subgraphFetches(system.url);
    const third = await call(system.url, INCIDENT_QUERY, variables);
    expect(third.headers?.get("x-cache")).toBe("hit");
    expect(third.body).toEqual(second.body);
    expect(await subgraphFetches(system.url)).toBe(fetches);

    // Admitted, and still never stale: a write makes the next sighting miss and show it.
    const updated = `${text} Updated.`;
    await call(system.url, UPSERT, { input: statementInput("stmt-cache-admit", updated, incident) }, { authorization: `Bearer ${writer}` });
    const after = await call(system.url, INCIDENT_QUERY, variables);
    expect(after.headers?.get("x-cache")).toBe("miss");
    expect(after.body.data.incident.statements).toContainEqual({ id: "stmt-cache-admit", text: updated });
    // Looked up (a key of ours), under new versions.
    expect(after.headers?.get("etag")).toMatch(/^"[\w-]+"$/);
    expect(after.headers?.get("etag")).not.toBe(second.headers?.get("etag"));
  });

  it("answers If-None-Match with the current ETag with 304 and no body, for POST and GET", async () => {
    const variables = { id: SPEAKER };
    const cached = await warm(system.url, ACTOR_QUERY, variables);
    const etag = cached.headers!.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const post = await call(system.url, ACTOR_QUERY, variables, { "if-none-match": etag });
    expect(post.status).toBe(304);
    expect(post.text).toBe("");
    const url = new URL(system.url);
    url.searchParams.set("query", ACTOR_QUERY);
    url.searchParams.set("variables", JSON.stringify(variables));
    const get = await fetch(url, { headers: { "apollo-require-preflight": "true", "if-none-match": etag } });
    expect(get.status).toBe(304);
    const plain = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("etag")).toBe(etag);
    expect(await plain.json()).toEqual(cached.body);
    // Another tag is no match.
    expect((await call(system.url, ACTOR_QUERY, variables, { "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("serves the data version only to the gateway", async () => {
    for (const subgraph of system.subgraphs) {
      const url = new URL("/data-version", subgraph.url);
      expect((await fetch(url)).status).toBe(401);
      const answer = await fetch(url, { headers: { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(await answer.json()).toEqual({ version: expect.any(Number) });
    }
  });

  it("keeps automatic persisted queries: an unknown hash is asked for, a registered one runs (and is cached like any query)", async () => {
    const query = `query Persisted { actor(id: "${SPEAKER}") { name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const unknown = await send(system.url, JSON.stringify({ extensions: { persistedQuery } }));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await send(system.url, JSON.stringify({ query, extensions: { persistedQuery } }));
    expect(registered.body.data.actor.name).toBeTruthy();
    const byHash = await send(system.url, JSON.stringify({ extensions: { persistedQuery } }));
    expect(byHash.body).toEqual(registered.body);
    const third = await send(system.url, JSON.stringify({ extensions: { persistedQuery } }));
    expect(third.headers?.get("x-cache")).toBe("hit");
  });
});

describe("RESPONSE_CACHE=false", () => {
  it("runs every query and says so", async () => {
    const system = await startTestSystem("in-process", { RESPONSE_CACHE: "false" });
    try {
      for (let round = 0; round < 3; round++) {
        const answer = await call(system.url, ACTOR_QUERY, { id: SPEAKER });
        expect(answer.body.data.actor.id).toBe(SPEAKER);
        expect(answer.headers?.get("x-cache")).toBeNull();
      }
    } finally {
      await system.stop();
    }
  });
});

describe("RESPONSE_CACHE_ADMIT_AFTER=1", () => {
  it("caches a query from its first sighting once its document's plan is known", async () => {
    const system = await startTestSystem("in-process", { RESPONSE_CACHE_ADMIT_AFTER: "1" });
    try {
      await call(system.url, ACTOR_QUERY, { id: "act-unknown-admission" });
      expect((await call(system.url, ACTOR_QUERY, { id: SPEAKER })).headers?.get("x-cache")).toBe("miss");
      expect((await call(system.url, ACTOR_QUERY, { id: SPEAKER })).headers?.get("x-cache")).toBe("hit");
      expect(await counter(system.url, "response_cache_not_admitted_total")).toBe(0);
    } finally {
      await system.stop();
    }
  });
});

describe("the response cache in-process", () => {
  it("reads the versions from the databases: a repeated query hits", async () => {
    const system = await startTestSystem("in-process");
    try {
      const answer = await warm(system.url, INCIDENT_QUERY, { id: INCIDENT });
      expect(answer.body.data.incident.title).toBeTruthy();
    } finally {
      await system.stop();
    }
  });
});

describe("Redis down", () => {
  it("answers every request (200, a miss) and logs that Redis is unavailable", async () => {
    const deadPort = await freePort();
    const system = await startTestSystem("in-process", { REDIS_URL: `redis://127.0.0.1:${deadPort}` });
    try {
      for (let round = 0; round < 4; round++) {
        const answer = await call(system.url, ACTOR_QUERY, { id: SPEAKER });
        expect(answer.status).toBe(200);
        expect(answer.body.data.actor.id).toBe(SPEAKER);
        expect(answer.headers?.get("x-cache")).toBe("miss");
      }
      expect(system.logs.join("")).toMatch(/Redis is unavailable/);
    } finally {
      await system.stop();
    }
  });
});

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) console.log("Redis response-cache tests skipped: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them.");

describeWithRedis("the response cache shared through Redis by two gateway processes", () => {
  const cleanup = new Cleanup();
  const dataDir = mkdtempSync(join(tmpdir(), "conflict-graph-cache-"));
  const secret = randomBytes(18).toString("base64url");
  const prefix = `test-cache-${process.pid}-${randomBytes(4).toString("hex")}:`;
  const gateways: Service[] = [];
  let writer: string;

  beforeAll(async () => {
    const urls: Record<string, string> = {};
    for (const name of SUBGRAPH_NAMES) {
      const port = await freePort();
      const variable = `${name.toUpperCase()}_PORT`;
      const service = spawnService(
        cleanup,
        `${name} subgraph`,
        join("dist", "subgraphs", name, "main.js"),
        [],
        { [variable]: String(port), DATA_DIR: dataDir, GATEWAY_SECRET: secret },
        `http://127.0.0.1:${port}`,
      );
      cleanup.add(`stop ${name}`, () => service.stop());
      await healthReady(service);
      urls[`${name.toUpperCase()}_URL`] = service.url;
    }
    // Both gateways at once; each is ready when /health/ready says all three subgraphs answer.
    const started = await Promise.all(
      ["A", "B"].map(async (name) => {
        const port = await freePort();
        const gateway = spawnService(
          cleanup,
          `gateway ${name}`,
          join("dist", "gateway", "main.js"),
          ["--gateway-only"],
          { ...urls, GATEWAY_PORT: String(port), GATEWAY_SECRET: secret, JWT_SECRET: TEST_JWT_SECRET, REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: prefix },
          `http://127.0.0.1:${port}`,
        );
        cleanup.add(`stop gateway ${name}`, () => gateway.stop());
        await healthReady(gateway);
        return gateway;
      }),
    );
    gateways.push(...started);
    writer = await signToken({ sub: "analyst-1", scope: "write:statement" });
    // Five processes, the first of which seeds the databases: minutes on a loaded two-core machine.
  }, 240_000);
  afterAll(async () => {
    await cleanup.run();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a query answered through A is a hit through B; a write through A makes both miss, then both see it", async () => {
    const [a, b] = gateways as [Service, Service];
    const variables = { id: INCIDENT };
    // B learns the plan (its first run of the document is never cached); A stores the answer.
    await call(b.url, INCIDENT_QUERY, variables);
    const fromA = await warm(a.url, INCIDENT_QUERY, variables);
    const fetchesB = await subgraphFetches(b.url);
    const fromB = await call(b.url, INCIDENT_QUERY, variables);
    expect(fromB.headers?.get("x-cache")).toBe("hit");
    expect(fromB.headers?.get("etag")).toBe(fromA.headers?.get("etag"));
    expect(fromB.body).toEqual(fromA.body);
    expect(await subgraphFetches(b.url)).toBe(fetchesB);

    const text = `Shared cache statement ${randomBytes(4).toString("hex")}.`;
    const write = await call(a.url, UPSERT, { input: statementInput("stmt-cache-redis", text) }, { authorization: `Bearer ${writer}` });
    expect(write.body.errors).toBeUndefined();
    for (const gateway of [b, a]) {
      const after = await call(gateway.url, INCIDENT_QUERY, variables);
      expect(after.body.data.incident.statements).toContainEqual({ id: "stmt-cache-redis", text });
      expect(after.headers?.get("etag")).not.toBe(fromA.headers?.get("etag"));
    }
    // B's miss stored the fresh answer: A now hits it.
    expect((await call(a.url, INCIDENT_QUERY, variables)).headers?.get("x-cache")).toBe("hit");
  });

  it("shares automatic persisted queries: registered through A, run by hash through B", async () => {
    const [a, b] = gateways as [Service, Service];
    const query = `query SharedPersisted { actor(id: "${SPEAKER}") { id name } }`;
    const persistedQuery = { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") };
    const registered = await send(a.url, JSON.stringify({ query, extensions: { persistedQuery } }));
    expect(registered.body.data.actor.id).toBe(SPEAKER);
    const byHash = await send(b.url, JSON.stringify({ extensions: { persistedQuery } }));
    expect(byHash.body).toEqual(registered.body);
  });
});

describe("SharedVersionRead", () => {
  it("shares one read among the callers of one turn, and never gives a caller a read that started before it asked", async () => {
    const started: ((version: number) => void)[] = [];
    const shared = new SharedVersionRead(() => new Promise<number>((resolve) => started.push(resolve)));
    const first = [shared.latest(), shared.latest(), shared.latest()];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(1);
    // The read is under way: a newcomer waits for the next one, even though the first has not answered.
    const late = shared.latest();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(2);
    started[0]!(1);
    started[1]!(2);
    expect(await Promise.all(first)).toEqual([1, 1, 1]);
    expect(await late).toBe(2);
  });

  it("passes a failed read to its callers, and the next caller reads again", async () => {
    let calls = 0;
    const shared = new SharedVersionRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error("down");
      return 7;
    });
    await expect(shared.latest()).rejects.toThrow("down");
    expect(await shared.latest()).toBe(7);
  });
});

describe("CacheAdmission", () => {
  it("admits a key from its N-th sighting among the most recently seen keys, and remembers no more than its window", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 80 }),
        (after, window, sightings) => {
          const admission = new CacheAdmission(after, window);
          const model: { key: string; seen: number }[] = []; // least recently seen first
          for (const id of sightings) {
            const key = `k${id}`;
            const at = model.findIndex((entry) => entry.key === key);
            const entry = at >= 0 ? model.splice(at, 1)[0]! : { key, seen: 0 };
            entry.seen += 1;
            model.push(entry);
            while (model.length > window) model.shift();
            expect(admission.admit(key)).toBe(entry.seen >= after);
            expect(admission.size).toBeLessThanOrEqual(after === 1 ? 0 : window);
          }
        },
      ),
    );
  });
});

describe("MemoryStore", () => {
  it("holds at most its bound, drops the least recently used first, and answers what was last set", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 8 }), fc.string()), { maxLength: 60 }),
        async (bound, operations) => {
          const store = new MemoryStore(bound);
          const model: string[] = []; // keys, least recently used first
          const values = new Map<string, string>();
          for (const [isSet, id, value] of operations) {
            const key = `k${id}`;
            if (isSet) {
              await store.set(key, value, 60);
              values.set(key, value);
              const at = model.indexOf(key);
              if (at >= 0) model.splice(at, 1);
              model.push(key);
              while (model.length > bound) values.delete(model.shift()!);
            } else {
              expect(await store.get(key)).toBe(values.get(key));
              if (model.includes(key)) model.push(...model.splice(model.indexOf(key), 1));
            }
            expect(store.size).toBeLessThanOrEqual(bound);
          }
        },
      ),
    );
  });

  it("forgets an entry after its time to live", async () => {
    const store = new MemoryStore(10);
    await store.set("k", "v", 0.05);
    expect(await store.get("k")).toBe("v");
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await store.get("k")).toBeUndefined();
  });
});
