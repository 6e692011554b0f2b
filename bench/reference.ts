import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InProcessSubgraph, type SubgraphSource } from "../gateway/data-sources";
import { startGateway } from "../gateway/server";
import { readSupergraph } from "../gateway/supergraph";
import { SUBGRAPHS } from "../subgraphs";
import { buildSubgraph } from "../subgraphs/lib/build-subgraph";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import type { Database } from "../subgraphs/lib/data-source";
import { readDataVersion } from "../subgraphs/lib/data-version";
import type { Logger } from "../subgraphs/lib/logger";
import { createContext, type Limits } from "../subgraphs/lib/subgraph-module";
import { requestBody, type Scenario } from "./scenarios";

/** One operation the gateway's query plan sent to a subgraph. */
export interface RecordedOperation {
  subgraph: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** The in-process subgraphs (schema + fresh context per operation) over already-open databases. */
export async function inProcessSubgraphs(databases: Record<SubgraphName, Database>, limits: Limits): Promise<Record<SubgraphName, InProcessSubgraph>> {
  const sources = {} as Record<SubgraphName, InProcessSubgraph>;
  for (const name of SUBGRAPH_NAMES) {
    const module = SUBGRAPHS[name];
    const schema = await buildSubgraph(module);
    sources[name] = new InProcessSubgraph({
      name,
      schema,
      createContext: () => createContext(module, databases[name], limits),
      dataVersion: () => readDataVersion(databases[name]),
    });
  }
  return sources;
}

/** An in-process subgraph that writes down every operation it is sent while `log` is set. */
class RecordingSubgraph implements SubgraphSource {
  log: RecordedOperation[] | undefined;

  constructor(private readonly inner: InProcessSubgraph) {}

  get name(): string {
    return this.inner.name;
  }

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    this.log?.push({
      subgraph: this.inner.name,
      query: request.query ?? "",
      variables: request.variables ? structuredClone(request.variables) : undefined,
      operationName: request.operationName ?? undefined,
    });
    return this.inner.process(options);
  }

  check(): Promise<void> {
    return this.inner.check();
  }

  dataVersion(): Promise<number> {
    return this.inner.dataVersion();
  }
}

/**
 * Runs each scenario once through the project's gateway over recording in-process subgraphs and
 * returns, per scenario, the subgraph operations its query plan sent, in the order they were sent.
 */
export async function recordPlans(
  sources: Record<SubgraphName, InProcessSubgraph>,
  list: Scenario[],
  logger: Logger,
): Promise<Map<number, RecordedOperation[]>> {
  const recorders = SUBGRAPH_NAMES.map((name) => new RecordingSubgraph(sources[name]));
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphs: recorders,
    host: "127.0.0.1",
    port: 0,
    production: true,
    stackTraces: false,
    logger,
  });
  const plans = new Map<number, RecordedOperation[]>();
  try {
    for (const scenario of list) {
      const log: RecordedOperation[] = [];
      for (const recorder of recorders) recorder.log = log;
      const response = await fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: requestBody(scenario) });
      for (const recorder of recorders) recorder.log = undefined;
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (!response.ok || body.errors?.length) {
        throw new Error(`recording scenario ${scenario.id}: HTTP ${response.status} ${JSON.stringify(body.errors ?? [])}`);
      }
      plans.set(scenario.id, log);
    }
  } finally {
    await gateway.stop();
  }
  return plans;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** The reference endpoint: `POST /<scenario id>` replays that scenario's recorded operations. */
export interface ReferenceServer {
  /** The URL of one scenario. */
  url(scenarioId: number): string;
  /** Subgraph operations it has run so far. */
  operations(): number;
  stop(): Promise<void>;
}

/**
 * Serves the recorded operations with no gateway: per request, reads and parses the JSON body (as
 * any GraphQL server would), executes exactly the recorded subgraph operations one after another
 * against the in-process subgraph schemas (a fresh context each, the same `InProcessSubgraph` code
 * the gateway calls), and answers the subgraphs' results as one JSON body. What is left out is the
 * gateway's own work: parsing and validating the client's query against the supergraph, planning,
 * building representations, merging the results and shaping the response.
 */
export async function startReferenceServer(
  sources: Record<SubgraphName, InProcessSubgraph>,
  plans: Map<number, RecordedOperation[]>,
): Promise<ReferenceServer> {
  let executed = 0;
  const server: Server = createServer((request, response) => {
    const operations = plans.get(Number((request.url ?? "").replace(/^\//, "")));
    const run = async () => {
      const body = await readBody(request);
      JSON.parse(body);
      if (!operations) return { status: 404, payload: { errors: [{ message: `no recorded plan for ${request.url}` }] } };
      const data: unknown[] = [];
      const errors: unknown[] = [];
      for (const operation of operations) {
        const source = sources[operation.subgraph as SubgraphName];
        const result = await source.process({
          request: { query: operation.query, variables: operation.variables, operationName: operation.operationName },
        } as GraphQLDataSourceProcessOptions);
        executed += 1;
        data.push(result.data);
        if (result.errors?.length) errors.push(...result.errors);
      }
      return { status: 200, payload: errors.length ? { data, errors } : { data } };
    };
    run().then(
      ({ status, payload }) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(payload));
      },
      (error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (scenarioId) => `http://127.0.0.1:${port}/${scenarioId}`,
    operations: () => executed,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
