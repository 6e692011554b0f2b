import type { RunningService } from "../subgraphs/lib/http";
import { InFlight } from "../gateway/dedupe";
import { fakeSubgraph, startOneSubgraph } from "./support/subgraph";
import { startTestSystem, type TestSystem } from "./support/system";

const QUERY = `query Embassy($id: ID!) { incident(id: $id) { title participants { actor { name } } statements { text speaker { name } } } }`;
const EMBASSY = "inc-2023-12-08-baghdad-embassy";

/** A proxy in front of a real subgraph that holds each request `delayMs` (so that concurrent ones overlap) and counts them. */
async function countingProxy(target: string, delayMs: number) {
  let count = 0;
  const proxy = await fakeSubgraph((request, response) => {
    count += 1;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      setTimeout(() => {
        fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) })
          .then(async (answer) => response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text()))
          .catch(() => response.destroy());
      }, delayMs);
    });
  });
  return { ...proxy, count: () => count, reset: () => (count = 0) };
}

// Dashboards opened by many people at once send the same query at the same moment: identical subgraph
// fetches in flight together are made once (DEDUPLICATE_FETCHES, on by default), as Hive Gateway does.
describe("in-flight deduplication of identical subgraph fetches", () => {
  let subgraphs: RunningService[];
  let proxies: Awaited<ReturnType<typeof countingProxy>>[];
  const gateways: TestSystem[] = [];
  beforeAll(async () => {
    subgraphs = await Promise.all([startOneSubgraph("incident"), startOneSubgraph("actor"), startOneSubgraph("statement")]);
    proxies = await Promise.all(subgraphs.map((subgraph) => countingProxy(subgraph.url, 300)));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await Promise.all(subgraphs.map((subgraph) => subgraph.stop()));
  });

  async function gateway(env: Record<string, string> = {}): Promise<TestSystem> {
    const [incident, actor, statement] = proxies;
    // The response cache is off: these tests count the fetches of the deduplication layer alone.
    const system = await startTestSystem("gateway-only", {
      INCIDENT_URL: incident!.url,
      ACTOR_URL: actor!.url,
      STATEMENT_URL: statement!.url,
      RESPONSE_CACHE: "false",
      ...env,
    });
    gateways.push(system);
    return system;
  }

  /** Subgraph calls made for `requests` concurrent requests, and their answers. */
  async function calls(system: TestSystem, requests: { id: string }[]) {
    proxies.forEach((proxy) => proxy.reset());
    const answers = await Promise.all(requests.map((variables) => system.query(QUERY, variables)));
    return { calls: proxies.reduce((sum, proxy) => sum + proxy.count(), 0), answers };
  }

  it("makes identical concurrent requests cost the subgraph calls of one, each answer complete", async () => {
    const system = await gateway();
    const one = await calls(system, [{ id: EMBASSY }]);
    const ten = await calls(
      system,
      Array.from({ length: 10 }, () => ({ id: EMBASSY })),
    );
    expect(ten.calls).toBe(one.calls);
    for (const answer of ten.answers) expect(answer.body).toEqual(one.answers[0]!.body);
    expect(one.answers[0]!.body.data.incident.title).toMatch(/embassy/i);
  });

  it("never merges different requests", async () => {
    const system = await gateway();
    const ids = ["inc-2023-12-08-baghdad-embassy", "x-1", "x-2", "x-3"];
    const single = await calls(system, [{ id: "x-0" }]);
    const distinct = await calls(
      system,
      ids.map((id) => ({ id })),
    );
    expect(distinct.calls).toBeGreaterThan(single.calls * (ids.length - 1));
  });

  it("is off with DEDUPLICATE_FETCHES=false", async () => {
    const system = await gateway({ DEDUPLICATE_FETCHES: "false" });
    const one = await calls(system, [{ id: EMBASSY }]);
    const five = await calls(
      system,
      Array.from({ length: 5 }, () => ({ id: EMBASSY })),
    );
    expect(five.calls).toBe(5 * one.calls);
  });
});

describe("InFlight", () => {
  it("runs the work once for callers that overlap, gives each its own copy, and forgets it when it settles", async () => {
    const inFlight = new InFlight<{ value: number[] }>();
    let runs = 0;
    const work = () => new Promise<{ value: number[] }>((resolve) => setTimeout(() => resolve({ value: [++runs] }), 20));
    const [a, b] = await Promise.all([inFlight.run("k", work), inFlight.run("k", work)]);
    expect(runs).toBe(1);
    expect(a).toEqual(b);
    a!.value.push(99);
    expect(b!.value).toEqual([1]);
    expect(inFlight.size).toBe(0);
    await inFlight.run("k", work);
    expect(runs).toBe(2);
  });

  it("shares a failure with every waiting caller, and then lets the next one try again", async () => {
    const inFlight = new InFlight<number>();
    const failing = () => new Promise<number>((_resolve, reject) => setTimeout(() => reject(new Error("down")), 10));
    const results = await Promise.allSettled([inFlight.run("k", failing), inFlight.run("k", failing)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await inFlight.run("k", async () => 7)).toBe(7);
  });
});
