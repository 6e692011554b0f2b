import type { RunningService } from "../subgraphs/lib/http";
import { readmeExamples, readReadme } from "./support/readme";
import { send } from "./support/system";
import { fakeSubgraph, startOneSubgraph } from "./support/subgraph";
import { startTestSystem, type TestSystem } from "./support/system";

// Following one request: its access-log lines (gateway and every subgraph it reached) share the id
// the client sent, carry the operation and the subgraphs called, never a secret; /metrics counts
// operations and subgraph fetches with label values that junk cannot grow.

const [example] = readmeExamples(readReadme(), "## Example");
if (!example) throw new Error("README.md has no example");

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string };
const parsed = (logs: string[]): LogLine[] => logs.map((line) => JSON.parse(line) as LogLine);
/** The value of the sample `name` whose labels include all of `labels` (in any order); undefined if none. */
function sample(metrics: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of metrics.split("\n")) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const present = new Map([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}
const metricsOf = async (service: { url: string }) => (await fetch(new URL("/metrics", service.url))).text();

describe("following the README example through the embedded system", () => {
  let system: TestSystem;
  const requestId = "follow-me-42";
  beforeAll(async () => {
    system = await startTestSystem("embedded");
    const answer = await send(system.url, JSON.stringify({ query: example.query }), {
      "content-type": "application/json",
      "x-request-id": requestId,
      authorization: "Bearer hunter2-client-token",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    await fetch(new URL("/health/ready", system.url));
    await metricsOf(system.gateway);
    // The access line is written when the response finishes: give the subgraphs' lines a tick.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("writes one gateway access line with the client's id, the operation, status, duration and the subgraphs called", () => {
    const lines = parsed(system.logs).filter((line) => line.requestId === requestId && line.msg === "request completed" && !line.subgraph);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ level: 30, operation: "EmbassyAttack", status: 200, method: "POST", path: "/graphql" });
    expect(typeof line?.durationMs).toBe("number");
    const called = (line?.subgraphs as { name: string; durationMs: number }[]).map((fetch) => fetch.name);
    expect(new Set(called)).toEqual(new Set(["incident", "actor", "statement"]));
  });

  it("writes the same id on the access line of every subgraph the request reached", () => {
    const subgraphLines = parsed(system.logs).filter((line) => line.requestId === requestId && line.msg === "request completed" && line.subgraph);
    expect(new Set(subgraphLines.map((line) => line.subgraph))).toEqual(new Set(["incident", "actor", "statement"]));
    for (const line of subgraphLines) expect(String(line.operation)).toMatch(/^EmbassyAttack__/);
  });

  it("logs /health and /metrics at debug level only (not at info)", () => {
    const quiet = parsed(system.logs).filter((line) => line.msg === "request completed" && /^\/(health|metrics)/.test(String(line.path)));
    expect(quiet).toEqual([]);
  });

  it("never logs a secret header", () => {
    const text = system.logs.join("\n");
    expect(text).not.toContain("hunter2-client-token");
    expect(text).not.toMatch(/x-gateway-secret/i);
  });

  it("counts the operation and each subgraph fetch on /metrics", async () => {
    const gateway = await metricsOf(system.gateway);
    expect(sample(gateway, "graphql_operation_duration_seconds_count", { service: "gateway", operation: "EmbassyAttack", status: "200" })).toBe(1);
    for (const name of ["incident", "actor", "statement"]) {
      expect(gateway).toMatch(new RegExp(`subgraph_fetch_duration_seconds_count\\{service="gateway",subgraph="${name}"\\} [1-9]`));
    }
    const incident = system.subgraphs.find((service) => service.name === "incident") as RunningService;
    expect(await metricsOf(incident)).toMatch(
      /graphql_operation_duration_seconds_count\{service="incident",operation="EmbassyAttack__incident__0",status="200"\} 1/,
    );
  });

  it("keeps /metrics small under 2,000 distinct operation names (named, anonymous, over-long, odd characters)", async () => {
    const junk = (i: number) => `query Junk${i}_${"x".repeat(i % 3 === 0 ? 80 : 4)} { __typename }`;
    await send(system.url, JSON.stringify({ query: junk(-1) }));
    await metricsOf(system.gateway);
    const before = (await metricsOf(system.gateway)).length;
    for (let start = 0; start < 2000; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => send(system.url, JSON.stringify({ query: junk(start + i) }))));
    }
    // Unknown fields: every one a validation error, under a new name each time.
    for (let start = 0; start < 200; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => send(system.url, JSON.stringify({ query: `query Bad${start + i} { nope${start + i} }` }))));
    }
    const after = await metricsOf(system.gateway);
    expect(sample(after, "graphql_operation_duration_seconds_count", { operation: "other", status: "200" })).toBeGreaterThan(1000);
    expect(sample(after, "graphql_operation_errors_total", { operation: "other", code: "GRAPHQL_VALIDATION_FAILED" })).toBeGreaterThan(100);
    // 100 names kept (one histogram of 14 lines each) at most: well under 300 KB; labelled raw, 2 MB and more.
    expect(after.length - before).toBeLessThan(300_000);
  });
});

describe("a subgraph that hangs", () => {
  let incident: RunningService;
  let statement: RunningService;
  let hung: Awaited<ReturnType<typeof fakeSubgraph>>;
  let gateway: TestSystem;
  beforeAll(async () => {
    hung = await fakeSubgraph(() => {
      // Never answers.
    });
    [incident, statement] = await Promise.all([startOneSubgraph("incident"), startOneSubgraph("statement")]);
    gateway = await startTestSystem("gateway-only", {
      INCIDENT_URL: incident.url,
      STATEMENT_URL: statement.url,
      ACTOR_URL: hung.url,
      SUBGRAPH_TIMEOUT_MS: "300",
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([incident?.stop(), statement?.stop(), hung?.close()]);
  });

  it("logs the failure with the request id, and counts it as a timeout of that subgraph", async () => {
    const answer = await send(gateway.url, JSON.stringify({ query: example.query }), { "content-type": "application/json", "x-request-id": "hung-actor-1" });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
    const failure = parsed(gateway.logs).find((line) => String(line.msg).startsWith("subgraph actor failed"));
    expect(failure?.requestId).toBe("hung-actor-1");
    const metrics = await metricsOf(gateway);
    expect(sample(metrics, "subgraph_fetch_errors_total", { service: "gateway", subgraph: "actor", reason: "timeout" })).toBeGreaterThanOrEqual(1);
  });
});
