import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { RemoteGraphQLDataSource } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { Fetcher } from "@apollo/utils.fetcher";
import { type DocumentNode, execute, getOperationAST, GraphQLError, type GraphQLSchema, parse, validate } from "graphql";
import { GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER } from "../subgraphs/lib/http";
import type { Logger } from "../subgraphs/lib/logger";
import { checkOperationLimits, type EnforcedLimits } from "../subgraphs/lib/operation-limits";
import { injectTraceContext } from "../subgraphs/lib/tracing";
import { accessDenied, checkAccess, type Principal, PRINCIPAL_HEADER, type SecurityRequirements } from "../subgraphs/lib/security";
import { gatewayContextOf } from "./context";
import { InFlight } from "./dedupe";
import { type SubgraphFetcher, subgraphFetcher } from "./subgraph-client";

/** A subgraph as the gateway sees it: something that runs operations and can say whether it is up. */
export interface SubgraphSource extends GraphQLDataSource {
  readonly name: string;
  /** Resolves when the subgraph is ready; rejects with a `SubgraphNotReady` (or an error with a public message). */
  check(): Promise<void>;
  /** The subgraph's data version, read from its database now (see subgraphs/lib/data-version.ts); rejects when it cannot be read. */
  dataVersion(): Promise<number>;
}

/**
 * A subgraph that failed its check. `message` is public (the gateway's `/health/ready` says it): the
 * subgraph's name and the kind of failure. `detail` adds its internal URL and how to start it, for the log.
 */
export class SubgraphNotReady extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

/** Kinds of subgraph failure: the `reason` label of `subgraph_fetch_errors_total`. */
export type FailureKind = "timeout" | "unreachable" | "http_status" | "invalid_response" | "request_failed";

/** The error clients get when a subgraph cannot be reached; `kind` is for metrics only. */
export class SubgraphUnavailable extends GraphQLError {
  constructor(
    name: string,
    reason: string,
    readonly kind: FailureKind,
  ) {
    super(`The ${name} subgraph is unavailable (${reason}); fields it serves are null. Retry later.`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: name },
    });
  }
}

/** The error clients get when a subgraph cannot be reached: no internal URL, the subgraph's name, a hint. */
export function subgraphUnavailable(name: string, reason: string, kind: FailureKind = "request_failed"): GraphQLError {
  return new SubgraphUnavailable(name, reason, kind);
}

/** Classifies a transport failure into words for the client (the full error goes to the log only) and a kind. */
function describeFailure(error: unknown, timeoutMs: number): { reason: string; kind: FailureKind } {
  const status = (error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status;
  if (status) return { reason: `it answered HTTP ${status}`, kind: "http_status" };
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  if (/TimeoutError|aborted|timeout/i.test(text)) return { reason: `no answer within ${timeoutMs} ms`, kind: "timeout" };
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENOTFOUND|fetch failed|socket hang up/i.test(text)) return { reason: "not reachable", kind: "unreachable" };
  if (/JSON|Unexpected token|invalid/i.test(text)) return { reason: "invalid response", kind: "invalid_response" };
  return { reason: "request failed", kind: "request_failed" };
}

/** Longest wait for a subgraph's data version (the response cache's key), SUBGRAPH_TIMEOUT_MS if shorter. */
const VERSION_TIMEOUT_MS = 1000;

/** How to reach a subgraph over HTTP. */
export interface HttpSubgraphOptions {
  name: string;
  url: string;
  timeoutMs: number;
  logger: Logger;
  /** Said in the log when the subgraph is down: how to start it. */
  startHint: string;
  /** The shared secret subgraphs require (sent in `x-gateway-secret`). */
  secret?: string;
  /** Collapse identical query fetches that are in flight at the same moment into one (default off here; on from the configuration). */
  deduplicate?: boolean;
}

/**
 * The key under which identical subgraph fetches in flight are collapsed, or undefined for one that
 * must run on its own: anything but a query (a mutation is never merged with another), or a request
 * that is not a client operation. Two fetches are identical when they send the same document and
 * variables for the same caller (its `authorization`: one user never gets another's answer); headers
 * that differ per request (request id, trace context) do not matter, so the merged fetch carries the
 * first request's id and trace.
 */
function deduplicationKey(options: GraphQLDataSourceProcessOptions): string | undefined {
  if (!("incomingRequestContext" in options) || options.incomingRequestContext.operation?.operation !== "query") return undefined;
  const { query, variables, operationName } = options.request;
  if (!query || /^\s*(mutation|subscription)\b/.test(query)) return undefined;
  const caller = options.incomingRequestContext.request.http?.headers.get("authorization") ?? "";
  // Plain concatenation (no JSON escaping of the document); NUL cannot occur in a header or a name.
  return `${caller}\0${operationName ?? ""}\0${JSON.stringify(variables ?? null)}\0${query}`;
}

/**
 * A subgraph over HTTP. Adds what `RemoteGraphQLDataSource` lacks by default: a timeout on every
 * call (a hung subgraph would otherwise hang the client's request) over a keep-alive client
 * (`subgraphFetcher`), and transport errors that name the subgraph without leaking its internal URL.
 */
export class HttpSubgraph extends RemoteGraphQLDataSource implements SubgraphSource {
  readonly name: string;
  private readonly options: HttpSubgraphOptions;
  private readonly inFlight = new InFlight<GatewayGraphQLResponse>();
  private readonly versionUrl: string;
  private readonly client: SubgraphFetcher;

  constructor(options: HttpSubgraphOptions) {
    const client = subgraphFetcher(options.timeoutMs);
    super({ url: options.url, fetcher: client as Fetcher });
    this.client = client;
    this.name = options.name;
    this.options = options;
    this.versionUrl = new URL("/data-version", options.url).toString();
  }

  /** Passes the client's request id and the trace context on, and proves the request comes from the gateway. */
  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    if (this.options.secret) headers.set(GATEWAY_SECRET_HEADER, this.options.secret);
    // The verified caller, for the subgraph's own check; it believes the header only beside the secret.
    const caller = gatewayContextOf(options)?.caller;
    if (caller && caller !== "invalid") headers.set(PRINCIPAL_HEADER, JSON.stringify({ sub: caller.sub, scopes: caller.scopes }));
    // Called inside @apollo/gateway's `gateway.fetch` span: the subgraph's server span becomes its child.
    injectTraceContext(headers);
    // Only an incoming operation has a client request (health checks and schema loading do not).
    if ("incomingRequestContext" in options) {
      const id = options.incomingRequestContext.request.http?.headers.get(REQUEST_ID_HEADER);
      if (id) headers.set(REQUEST_ID_HEADER, id);
    }
  }

  override async process(request: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      const key = this.options.deduplicate ? deduplicationKey(request) : undefined;
      return await (key === undefined ? super.process(request) : this.inFlight.run(key, () => super.process(request)));
    } catch (error) {
      const { reason, kind } = describeFailure(error, this.options.timeoutMs);
      const log = gatewayContextOf(request)?.log ?? this.options.logger;
      log.error({ err: error, subgraph: this.name, url: this.options.url }, `subgraph ${this.name} failed: ${reason}`);
      throw subgraphUnavailable(this.name, reason, kind);
    }
  }

  async dataVersion(): Promise<number> {
    const headers: Record<string, string> = this.options.secret ? { [GATEWAY_SECRET_HEADER]: this.options.secret } : {};
    // A short deadline: a request waits for its versions before it runs, and one that cannot have them
    // simply runs uncached, so a hung subgraph costs it at most this on top of SUBGRAPH_TIMEOUT_MS.
    // Over the data source's own keep-alive client: every cache hit makes this call.
    const response = await this.client(this.versionUrl, { method: "GET", headers }, Math.min(this.options.timeoutMs, VERSION_TIMEOUT_MS));
    const body = (await response.json()) as { version?: unknown };
    if (!response.ok || typeof body.version !== "number") throw new Error(`subgraph ${this.name} answered HTTP ${response.status} for its data version`);
    return body.version;
  }

  async check(): Promise<void> {
    const url = new URL("/health/ready", this.options.url).toString();
    const notReady = (reason: string) =>
      new SubgraphNotReady(
        `subgraph "${this.name}" is not ready (${reason})`,
        `subgraph "${this.name}" at ${this.options.url} is not ready (${reason}); ${this.options.startHint}`,
      );
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(Math.min(this.options.timeoutMs, 5000)) });
    } catch (error) {
      throw notReady(describeFailure(error, this.options.timeoutMs).reason);
    }
    await response.body?.cancel();
    if (!response.ok) throw notReady(`it answered HTTP ${response.status}`);
  }
}

/** Most distinct subgraph operations whose parsed and validated document is kept. */
const DOCUMENT_CACHE_SIZE = 1000;

/** What an in-process subgraph is made of. */
export interface InProcessSubgraphOptions {
  name: string;
  schema: GraphQLSchema;
  /** A fresh context (and loaders) per operation, given the gateway request's logger and verified caller. */
  createContext: (log?: Logger, principal?: Principal) => object;
  /** The subgraph's own security directives, checked again as an HTTP subgraph checks them. */
  security?: SecurityRequirements;
  /** What readiness also asks of it (its database), beyond answering `{ __typename }`. */
  ready?: () => Promise<void>;
  /** The subgraph's own operation limits, as an HTTP subgraph enforces them. */
  limits?: EnforcedLimits;
  /** Per-operation deadline (SUBGRAPH_TIMEOUT_MS), as for an HTTP subgraph. */
  timeoutMs?: number;
  /** Reads the data version from the subgraph's database (`readDataVersion`). */
  dataVersion: () => Promise<number>;
}

/**
 * A subgraph called in-process (no HTTP hop): executes its schema directly with a fresh context per
 * operation, so loaders are never shared between requests. The gateway's own context is not passed
 * down, unlike `LocalGraphQLDataSource`, which would hand one context to every subgraph. The query
 * planner sends the same few operation texts again and again, so each is parsed and validated once
 * (re-validating took ~19% of the CPU under load) and kept, as Apollo Server does over HTTP.
 * Given `limits`, each operation is measured as an HTTP subgraph measures it (linear in the
 * document, and the planner's documents are small).
 */
export class InProcessSubgraph implements SubgraphSource {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();

  readonly name: string;
  private readonly schema: GraphQLSchema;
  private readonly createContext: (log?: Logger, principal?: Principal) => object;

  constructor(private readonly options: InProcessSubgraphOptions) {
    this.name = options.name;
    this.schema = options.schema;
    this.createContext = options.createContext;
  }

  /** The parsed, validated document of a query, or its errors; remembered per query text. */
  private document(query: string): DocumentNode | readonly GraphQLError[] {
    let cached = this.documents.get(query);
    if (!cached) {
      try {
        const document = parse(query);
        const errors = validate(this.schema, document);
        cached = errors.length ? errors : document;
      } catch (error) {
        cached = [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
      }
      if (this.documents.size >= DOCUMENT_CACHE_SIZE) this.documents.clear();
      this.documents.set(query, cached);
    }
    return cached;
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const document = this.document(request.query ?? "");
    if (!("kind" in document)) return { errors: document.map((error) => error.toJSON()) } as GatewayGraphQLResponse;
    const operation = getOperationAST(document, request.operationName);
    const limits = this.options.limits;
    const exceeded = limits && operation && checkOperationLimits({ schema: this.schema, document, operation, variables: request.variables }, limits);
    if (exceeded) return { errors: [exceeded.toJSON()] } as GatewayGraphQLResponse;
    const gatewayContext = gatewayContextOf(options);
    const principal = gatewayContext?.caller === "invalid" ? undefined : gatewayContext?.caller;
    const denial = this.options.security && operation && checkAccess(this.schema, document, operation, this.options.security, principal);
    if (denial) return { errors: [{ message: accessDenied(denial).message, extensions: { code: denial } }] } as GatewayGraphQLResponse;
    const execution = Promise.resolve(
      execute({
        schema: this.schema,
        document,
        variableValues: request.variables,
        operationName: request.operationName,
        contextValue: this.createContext(gatewayContext?.log, principal),
      }),
    );
    const result = await this.within(execution);
    return { data: result.data, errors: result.errors?.map((error) => error.toJSON()) } as GatewayGraphQLResponse;
  }

  /** The same deadline an HTTP subgraph has: past it, the fields are null with SUBGRAPH_UNAVAILABLE (the work is abandoned). */
  private async within<T>(work: Promise<T>): Promise<T> {
    const timeoutMs = this.options.timeoutMs;
    if (timeoutMs === undefined) return work;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(subgraphUnavailable(this.name, `no answer within ${timeoutMs} ms`, "timeout")), timeoutMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  dataVersion(): Promise<number> {
    return this.options.dataVersion();
  }

  async check(): Promise<void> {
    const result = await this.process({ request: { query: "{ __typename }" } } as GraphQLDataSourceProcessOptions);
    if (result.errors?.length) throw new Error(`subgraph "${this.name}" does not answer: ${result.errors[0]?.message}`);
    try {
      await this.options.ready?.();
    } catch (error) {
      const message = `subgraph "${this.name}" is not ready (${error instanceof Error ? error.message : String(error)})`;
      throw new SubgraphNotReady(message, message);
    }
  }
}
