import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { Report } from "@apollo/usage-reporting-protobuf";
import { anonymousTelemetryOptIn } from "../gateway/studio";
import { loadConfig } from "../subgraphs/lib/config";
import { startOneSubgraph } from "./support/subgraph";
import { readmeExamples, readReadme } from "./support/readme";
import { send, startTestSystem, type TestSystem } from "./support/system";

/** A stand-in for Apollo's usage-reporting ingress: keeps every report it receives, decoded. */
async function usageIngress(): Promise<{ url: string; reports: Report[]; close(): Promise<void> }> {
  const reports: Report[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      reports.push(Report.decode(request.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body));
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reports,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every subgraph fetch of a federated trace's query plan: its service and whether it carries the subgraph's own trace. */
function fetchesOf(node: unknown): { serviceName: string; traced: boolean }[] {
  const found: { serviceName: string; traced: boolean }[] = [];
  const stack = [node];
  while (stack.length) {
    const current = stack.pop();
    if (!current || typeof current !== "object") continue;
    const fetch = (current as { fetch?: { serviceName?: string; trace?: { root?: unknown } } }).fetch;
    if (fetch?.serviceName) found.push({ serviceName: fetch.serviceName, traced: Boolean(fetch.trace?.root) });
    stack.push(...Object.values(current));
  }
  return found;
}

// Apollo Studio: with APOLLO_KEY and APOLLO_GRAPH_REF the gateway reports usage with federated traces
// (each subgraph fetch carries the subgraph's ftv1 trace); the endpoint is pointed at a local stand-in.
describe("Apollo Studio usage reporting", () => {
  let ingress: Awaited<ReturnType<typeof usageIngress>>;
  let system: TestSystem | undefined;
  beforeAll(async () => {
    ingress = await usageIngress();
  });
  afterAll(async () => {
    await system?.stop();
    await ingress?.close();
  });

  it("sends a report for the README example with a trace through all three subgraphs", async () => {
    system = await startTestSystem("embedded", {
      NODE_ENV: "production",
      APOLLO_KEY: "service:conflict-graph:test-key",
      APOLLO_GRAPH_REF: "conflict-graph@test",
      APOLLO_USAGE_REPORTING_ENDPOINT: ingress.url,
    });
    const [example] = readmeExamples(readReadme(), "## Example");
    const answer = await system.query(example!.query);
    expect(answer.body.errors).toBeUndefined();
    // Stopping flushes the pending report (Apollo's plugin sends on serverWillStop).
    await system.stop();
    system = undefined;
    expect(ingress.reports.length).toBeGreaterThan(0);
    const report = ingress.reports[0]!;
    expect(report.header?.graphRef).toBe("conflict-graph@test");
    const [signature, traces] = Object.entries(report.tracesPerQuery).find(([key]) => key.startsWith("# EmbassyAttack")) ?? [];
    expect(signature).toBeDefined();
    const trace = traces?.trace?.[0] as { queryPlan?: unknown } | undefined;
    expect(trace?.queryPlan).toBeDefined();
    const fetches = fetchesOf(trace?.queryPlan);
    expect(new Set(fetches.map((fetch) => fetch.serviceName))).toEqual(new Set(["incident", "actor", "statement"]));
    expect(fetches.every((fetch) => fetch.traced)).toBe(true);
  });
});

describe("subgraph traces (ftv1)", () => {
  it("are returned when the gateway asks for one, and only then", async () => {
    const subgraph = await startOneSubgraph("statement", 0, { secret: "s", production: true });
    try {
      const body = JSON.stringify({ query: "{ sources(first: 1) { edges { node { id } } } }" });
      const headers = { "content-type": "application/json", "x-gateway-secret": "s" };
      const plain = await send(subgraph.url, body, headers);
      expect(plain.body.data.sources.edges).toHaveLength(1);
      expect(plain.text).not.toContain("ftv1");
      const asked = await send(subgraph.url, body, { ...headers, "apollo-federation-include-trace": "ftv1" });
      expect((asked.body as { extensions?: { ftv1?: string } }).extensions?.ftv1).toEqual(expect.any(String));
    } finally {
      await subgraph.stop();
    }
  });
});

describe("@apollo/gateway's anonymous telemetry", () => {
  it("is turned off by the gateway itself when the operator did not set APOLLO_TELEMETRY_DISABLED", async () => {
    // The test set-up sets it for every test; a real start has it unset.
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    const system = await startTestSystem("in-process");
    try {
      expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe("1");
    } finally {
      await system.stop();
      process.env.APOLLO_TELEMETRY_DISABLED = "1";
    }
  });

  it("is off unless the operator opts in with APOLLO_TELEMETRY_DISABLED=false", () => {
    const unset: NodeJS.ProcessEnv = {};
    anonymousTelemetryOptIn(unset);
    expect(unset.APOLLO_TELEMETRY_DISABLED).toBe("1");
    const optedIn: NodeJS.ProcessEnv = { APOLLO_TELEMETRY_DISABLED: "false" };
    anonymousTelemetryOptIn(optedIn);
    expect(optedIn.APOLLO_TELEMETRY_DISABLED).toBe("false");
  });
});

describe("Studio configuration", () => {
  it("refuses APOLLO_KEY without APOLLO_GRAPH_REF (or the reverse) with a message naming both", () => {
    expect(() => loadConfig({ APOLLO_KEY: "service:x:y" })).toThrow(/APOLLO_KEY and APOLLO_GRAPH_REF .* set both, or neither/);
    expect(() => loadConfig({ APOLLO_GRAPH_REF: "x@y" })).toThrow(/APOLLO_KEY and APOLLO_GRAPH_REF/);
    expect(loadConfig({}).apollo).toBeUndefined();
  });
});
