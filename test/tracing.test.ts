import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { readmeExamples, readReadme } from "./support/readme";
import { send, startTestSystem, type TestSystem } from "./support/system";

// One request, followed across four services by OpenTelemetry: the gateway's spans and each
// subgraph's, in one trace, exported over OTLP/HTTP (JSON) to a receiver the test runs.

const [example] = readmeExamples(readReadme(), "## Example");
if (!example) throw new Error("README.md has no example");

/** A span as the test reads it out of an OTLP/JSON export. */
interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  attributes: Record<string, string | number | boolean | undefined>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: OtlpAttribute[] }[] }[];
  }[];
}

const valueOf = (value: OtlpValue) =>
  value.stringValue ?? (value.intValue === undefined ? undefined : Number(value.intValue)) ?? value.boolValue ?? value.doubleValue;
const attributesOf = (list: OtlpAttribute[]) => Object.fromEntries(list.map((attribute) => [attribute.key, valueOf(attribute.value)]));

/** A local OTLP/HTTP receiver: accepts POST /v1/traces (JSON) and keeps the spans. */
async function otlpReceiver(): Promise<{ endpoint: string; spans: ReceivedSpan[]; close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.method === "POST" && request.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpExport;
        for (const resourceSpans of body.resourceSpans) {
          const service = String(attributesOf(resourceSpans.resource.attributes)["service.name"]);
          for (const scope of resourceSpans.scopeSpans) {
            for (const span of scope.spans) {
              spans.push({ ...span, parentSpanId: span.parentSpanId || undefined, service, attributes: attributesOf(span.attributes) });
            }
          }
        }
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The span tree of one trace, indented, one `name [service]` per line. */
function printTree(spans: ReceivedSpan[]): string {
  const byParent = new Map<string | undefined, ReceivedSpan[]>();
  const ids = new Set(spans.map((span) => span.spanId));
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    byParent.set(parent, [...(byParent.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const span of byParent.get(parent) ?? []) {
      const detail = span.attributes["db.statement"] ? `: ${String(span.attributes["db.statement"]).slice(0, 60)}…` : "";
      lines.push(`${"  ".repeat(depth)}${span.name} [${span.service}]${detail}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join("\n");
}

describe("tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)", () => {
  it("registers nothing: the global tracer provider stays the no-op", async () => {
    const system = await startTestSystem("embedded");
    try {
      const answer = await send(system.url, JSON.stringify({ query: example.query }), { "content-type": "application/json" });
      expect(answer.status).toBe(200);
      const span = trace.getTracer("probe").startSpan("probe");
      expect(span.isRecording()).toBe(false);
      span.end();
      expect(answer.text).not.toContain("traceparent");
    } finally {
      await system.stop();
    }
  });
});

describe("tracing the README example through the embedded system", () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let system: TestSystem;
  let spans: ReceivedSpan[];

  beforeAll(async () => {
    receiver = await otlpReceiver();
    system = await startTestSystem("embedded", { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint });
    const answer = await send(system.url, JSON.stringify({ query: example.query }), { "content-type": "application/json", "x-request-id": "traced-1" });
    expect(answer.body.errors).toBeUndefined();
    // Stopping flushes the batch processor (and unregisters the provider).
    await system.stop();
    const request = receiver.spans.find((span) => span.name === "gateway.request" && span.attributes["graphql.operation.name"] === "EmbassyAttack");
    spans = receiver.spans.filter((span) => span.traceId === request?.traceId);
    if (process.env.PRINT_TRACE) process.stdout.write(`${printTree(spans)}\n`);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const byId = () => new Map(spans.map((span) => [span.spanId, span]));

  it("puts the gateway and all three subgraphs in one trace", () => {
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(["gateway", "incident", "actor", "statement"]));
    for (const name of ["gateway.request", "gateway.validate", "gateway.plan", "gateway.execute", "gateway.fetch"]) {
      expect(spans.map((span) => span.name)).toContain(name);
    }
  });

  it("makes each subgraph's server span a child of the gateway fetch span that names that subgraph", () => {
    const servers = spans.filter((span) => span.service !== "gateway" && span.kind === 2);
    expect(servers.length).toBeGreaterThanOrEqual(3);
    const spansById = byId();
    for (const server of servers) {
      const parent = spansById.get(server.parentSpanId ?? "");
      expect(parent).toMatchObject({ name: "gateway.fetch", service: "gateway", attributes: { service: server.service } });
    }
  });

  it("puts each SQL statement under its own subgraph's request, through the loader batch that ran it", () => {
    const spansById = byId();
    const sql = spans.filter((span) => span.attributes["db.system"] === "sqlite");
    expect(new Set(sql.map((span) => span.service))).toEqual(new Set(["incident", "actor", "statement"]));
    for (const statement of sql) {
      expect(String(statement.attributes["db.statement"])).toMatch(/^SELECT/);
      let ancestor = spansById.get(statement.parentSpanId ?? "");
      while (ancestor && ancestor.kind !== 2) ancestor = spansById.get(ancestor.parentSpanId ?? "");
      expect(ancestor?.service).toBe(statement.service);
      expect(spansById.get(ancestor?.parentSpanId ?? "")?.attributes.service).toBe(statement.service);
    }
    const batches = spans.filter((span) => span.name.startsWith("dataloader "));
    expect(batches.length).toBeGreaterThan(0);
    expect(sql.some((statement) => spansById.get(statement.parentSpanId ?? "")?.name.startsWith("dataloader "))).toBe(true);
  });
});
