import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import type { GraphQLFormattedError } from "graphql";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { accessLog, observationOf, requestLog } from "./access-log";
import type { Admission } from "./admission";
import type { Logger } from "./logger";
import { OperationMetrics, operationMetricsPlugin } from "./operation-metrics";
import { serverSpans } from "./tracing";

/** The header that carries a request's id from the client (or the gateway) through every service. */
export const REQUEST_ID_HEADER = "x-request-id";
/** The header the gateway proves itself with to the subgraphs. */
export const GATEWAY_SECRET_HEADER = "x-gateway-secret";

/** A GraphQL service that is listening. */
export interface RunningService {
  name: string;
  /** The GraphQL endpoint, with the real port when 0 was asked for. */
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes. */
  stop(): Promise<void>;
}

/** How to serve one GraphQL endpoint over HTTP. */
export interface ServeOptions<TContext extends BaseContext> {
  name: string;
  host: string;
  port: number;
  /** Apollo Server options (a schema or a gateway); HTTP plugins are added here. */
  apollo: ApolloServerOptions<TContext>;
  /** Builds the per-request context. */
  context: (request: Request) => Promise<TContext>;
  /** Resolves when the service can answer (its database or its subgraphs); rejects with the reason. */
  ready: () => Promise<void>;
  logger: Logger;
  /** Largest accepted request body ("2mb"). */
  bodyLimit?: string;
  /**
   * Answer client errors (BAD_USER_INPUT, limits) with HTTP 400. On for the gateway; off for
   * subgraphs, whose only client is the gateway: it reads a non-2xx answer as a failed subgraph.
   */
  clientErrorsAs400?: boolean;
  /** Production error policy: unexpected errors are masked (the log keeps them); no schema hints. */
  production?: boolean;
  /** Schema introspection and the Sandbox landing page. Default: off in production. */
  introspection?: boolean;
  /** Serve Apollo Sandbox (from Apollo's CDN) to a browser at `/graphql` when introspection is on. Default: true. */
  sandbox?: boolean;
  /** Handlers tried before `/graphql`'s own chain (the gateway's CORS and explorer); what they pass on goes on. */
  routes?: RequestHandler[];
  /** When set, `/graphql` answers only requests that carry it in `x-gateway-secret`. */
  requireSecret?: string;
  /**
   * Admission control in front of `/graphql` (the gateway's FIFO queue), after the body is read, so
   * that a client sending its body slowly holds a socket but never a slot. A wedged queue fails liveness.
   */
  admission?: Admission;
  /**
   * How long a client may take to send a whole request (headers within the lesser of this and 10 s);
   * a slower one gets 408 and its connection is closed (Node's `requestTimeout`/`headersTimeout`;
   * Node's own default is 300 s). Default 30 s.
   */
  requestReadTimeoutMs?: number;
  /** Checks that run on `/graphql` after the body is parsed and before Apollo Server (the gateway's flood guard). */
  beforeGraphQL?: RequestHandler[];
  /** Adds this service's own metrics to its registry (served on `/metrics`). */
  metrics?: (registry: Registry) => void;
  /** Runs after the server stopped (closing databases). */
  onStop?: () => Promise<void>;
  /** How long `stop()` waits for in-flight requests before cutting connections (default 10 s). */
  drainTimeoutMs?: number;
  /** Receives the started Apollo Server (the gateway runs its reference checks through it). */
  onApolloStarted?: (apollo: ApolloServer<TContext>) => void;
  /**
   * Reads the data version of the service's database (subgraphs): served on `GET /data-version` as
   * `{"version":N}`, behind the same gateway secret as `/graphql`, read from the database on every call.
   */
  dataVersion?: () => Promise<number>;
}

/** How long a stopping server keeps accepting at least (answering not-ready) before closing its listener. */
const DRAIN_GRACE_MS = 250;
/** ...and then until no new connection has arrived for this long (clients and load balancers have moved on). */
const DRAIN_QUIET_MS = 100;

/**
 * Stops an HTTP server without dropping requests. First it keeps serving while `/health/ready`
 * answers 503 and responses say `Connection: close`: at least DRAIN_GRACE_MS, then until
 * connections have been quiet for DRAIN_QUIET_MS (at most half of `timeoutMs`), so that connections
 * queued in the kernel (sent before the signal, not yet accepted, which a busy event loop can leave
 * there for hundreds of milliseconds) are served rather than reset when the listener closes. Then it
 * stops accepting, closes idle sockets as they become idle, waits for active requests, and after
 * `timeoutMs` cuts whatever is left. ApolloServerPluginDrainHttpServer closes the listener and the
 * idle sockets at once, which resets requests that arrived in the last milliseconds (measured in
 * test/shutdown.test.ts).
 */
async function drain(server: Server, timeoutMs: number): Promise<void> {
  const started = Date.now();
  let lastConnection = started;
  const onConnection = () => {
    lastConnection = Date.now();
  };
  server.on("connection", onConnection);
  const maxGrace = Math.max(DRAIN_GRACE_MS, timeoutMs / 2);
  while (Date.now() - started < maxGrace && (Date.now() - started < DRAIN_GRACE_MS || Date.now() - lastConnection < DRAIN_QUIET_MS)) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  server.off("connection", onConnection);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 25);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs / 2);
  });
  await Promise.race([closed, deadline]);
  clearInterval(idleSweep);
  clearTimeout(timer);
  server.closeAllConnections();
  await closed;
}

/** A GraphQL error body for failures that happen before GraphQL runs. */
export function errorBody(message: string, code: string, extensions: Record<string, unknown> = {}): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}

/** Codes that mean the client must change its request: answered with HTTP 400 by the gateway. */
const CLIENT_ERROR = /^(BAD_USER_INPUT|MAX_\w+_EXCEEDED|OPERATION_RESOLUTION_FAILURE|PERSISTED_QUERY_(HASH_MISMATCH|VERSION_NOT_SUPPORTED))$/;
/**
 * Apollo Server 5 answers these automatic-persisted-query mistakes with HTTP 400 but no code of
 * their own (requestPipeline.ts: INTERNAL_SERVER_ERROR by default), which the production policy would mask and log as internal errors. The
 * codes are Apollo Router's, so clients see the same answer from either.
 */
const PERSISTED_QUERY_CODES = new Map([
  ["provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH"],
  ["Unsupported persisted query version", "PERSISTED_QUERY_VERSION_NOT_SUPPORTED"],
]);
/** Codes whose message may carry internals (SQL, file paths): masked in production. */
const INTERNAL = /^(INTERNAL_SERVER_ERROR|DOWNSTREAM_SERVICE_ERROR)$/;

/** Where a GraphQL context keeps the HTTP request it was made for (see `serveGraphQL`). */
const HTTP_REQUEST = Symbol("httpRequest");

/** The routes this server answers: `/metrics` labels requests by these, everything else as `other`. */
const ROUTES = new Set(["/graphql", "/data-version", "/health/live", "/health/ready", "/metrics"]);

/**
 * The `route` label of a request. Labelling by the raw path let every junk path add a histogram
 * series: 2,000 of them grew /metrics from 10 KB to 2.7 MB (test/health.test.ts).
 */
function routeLabel(path: string): string {
  return ROUTES.has(path) ? path : "other";
}

/** Accepts a client's request id if it is a plain token, otherwise makes one. */
function requestIdOf(request: Request): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * The error policy of every service: each error carries the request id (also in the
 * `x-request-id` response header); an unknown operationName and a token flood get stable codes; on
 * the gateway, client errors are HTTP 400; in production, internal errors are masked and logged.
 */
function errorPolicyPlugin(options: {
  clientErrorsAs400: boolean;
  production: boolean;
  logger: Logger;
  requestOf: (context: BaseContext) => Request | undefined;
}): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? "unknown";
      const httpRequest = options.requestOf(contextValue);
      const log = httpRequest ? requestLog(httpRequest) : options.logger;
      return {
        async willSendResponse({ response, errors }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          let clientError = false;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error, index) => {
            const extensions: Record<string, unknown> = { ...error.extensions, requestId };
            let message = error.message;
            if (extensions.code === "INVALID_GRAPHQL" && message.startsWith("Unknown operation named")) {
              extensions.code = "OPERATION_RESOLUTION_FAILURE";
              message = `${message} Set operationName to the name of an operation in the document, or leave it out for a single operation.`;
            }
            const persistedQueryCode = PERSISTED_QUERY_CODES.get(message);
            if (persistedQueryCode && (extensions.code === undefined || extensions.code === "INTERNAL_SERVER_ERROR")) extensions.code = persistedQueryCode;
            // graphql-js 16 words it "Document contains more that N tokens".
            const tokens = /more tha[nt] (\d+) tokens/.exec(message);
            if (extensions.code === "GRAPHQL_PARSE_FAILED" && tokens) {
              Object.assign(extensions, { code: "MAX_TOKENS_EXCEEDED", limit: "maxTokens", allowed: Number(tokens[1]) });
              message = `The document has more than ${tokens[1]} tokens, the limit; send a smaller operation.`;
            }
            if (options.production && (INTERNAL.test(String(extensions.code)) || extensions.code === undefined)) {
              log.error({ requestId, err: errors?.[index] ?? error }, "internal error (masked in the response)");
              message = `Internal error. Quote request id ${requestId} to the operator.`;
              delete extensions.exception;
            }
            if (options.production) delete extensions.stacktrace;
            if (CLIENT_ERROR.test(String(extensions.code))) clientError = true;
            return { ...error, message, extensions };
          });
          if (options.clientErrorsAs400 && clientError) response.http.status = 400;
        },
      };
    },
  };
}

/** Compares a presented secret with the expected one in constant time. */
function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== "string") return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves Apollo Server on `/graphql` plus `/health/live`, `/health/ready` and `/metrics`: the one HTTP
 * set-up shared by the gateway and every subgraph.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<RunningService> {
  const app = express();
  const readTimeoutMs = options.requestReadTimeoutMs ?? 30_000;
  const httpServer: Server = createServer(
    {
      requestTimeout: readTimeoutMs,
      headersTimeout: Math.min(readTimeoutMs, 10_000),
      // How often Node looks for clients past those timeouts (its default, 30 s, would let them overstay).
      connectionsCheckingInterval: Math.min(1000, readTimeoutMs / 2),
    },
    app,
  );
  const production = options.production ?? false;
  const introspection = options.introspection ?? !production;
  // The HTTP request behind each operation's context, for its logger and its access-log line. A
  // symbol property, not a WeakMap: Apollo Server hands plugins a shallow clone of the context.
  const requestOf = (context: BaseContext) => (context as { [HTTP_REQUEST]?: Request })[HTTP_REQUEST];
  const operations = new OperationMetrics();
  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    introspection,
    // The process handles SIGTERM/SIGINT itself (stopOnSignals: drain, close databases, exit 0).
    // Apollo's own handler would stop this one server and re-raise the signal, killing the process
    // before the others finished.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.apollo.includeStacktraceInErrorResponses ?? false,
    // No "Did you mean ...?" in production: suggestions would map the schema for a caller who may not see it.
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      ...(options.apollo.plugins ?? []),
      errorPolicyPlugin({ clientErrorsAs400: options.clientErrorsAs400 ?? false, production, logger: options.logger, requestOf }),
      operationMetricsPlugin(operations, requestOf),
      introspection && (options.sandbox ?? true) ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled(),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();
  options.onApolloStarted?.(apollo);

  app.disable("x-powered-by");
  let stopping = false;
  // One registry per service (never the process-wide default), so several services in one process
  // (embedded mode, tests) each report their own figures.
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.name });
  collectDefaultMetrics({ register: registry });
  const durations = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration",
    labelNames: ["route", "status"],
    registers: [registry],
  });
  operations.register(registry);
  options.metrics?.(registry);
  const admission = options.admission;
  if (admission) {
    new Gauge({
      name: "admission_in_flight",
      help: "Requests holding an admission slot now.",
      registers: [registry],
      collect() {
        this.set(admission.state().inFlight);
      },
    });
    new Gauge({
      name: "admission_waiting",
      help: "Requests waiting for an admission slot now.",
      registers: [registry],
      collect() {
        this.set(admission.state().waiting);
      },
    });
  }

  const requestId: RequestHandler = (request, response, next) => {
    const id = requestIdOf(request);
    request.headers[REQUEST_ID_HEADER] = id;
    response.setHeader(REQUEST_ID_HEADER, id);
    // While stopping, ask keep-alive clients to reconnect (elsewhere, behind a load balancer).
    if (stopping) response.setHeader("connection", "close");
    const end = durations.startTimer({ route: routeLabel(request.path) });
    response.on("finish", () => end({ status: String(response.statusCode) }));
    next();
  };
  app.use(requestId);
  const secret = options.requireSecret;
  const gatewayOnly: RequestHandler = (request, response, next) => {
    if (!secret || sameSecret(request.headers[GATEWAY_SECRET_HEADER], secret)) return next();
    response.status(401).json(errorBody(`The ${options.name} subgraph answers the gateway only; send GraphQL requests to the gateway.`, "UNAUTHENTICATED"));
  };
  const dataVersion = options.dataVersion;
  if (dataVersion) {
    // Read from the database each time (never remembered): the gateway's response cache relies on
    // seeing every write acknowledged before it asked. Before the access log: the gateway asks for
    // every cacheable request, and a failure is logged here.
    app.get("/data-version", gatewayOnly, (request, response) => {
      dataVersion().then(
        (version) => response.setHeader("cache-control", "no-store").json({ version }),
        (error: unknown) => {
          options.logger.error({ err: error, requestId: request.headers[REQUEST_ID_HEADER] }, "could not read the data version");
          response.status(503).json(errorBody("The data version could not be read from the database.", "DATABASE_UNAVAILABLE"));
        },
      );
    });
  }
  app.use(accessLog(options.logger, (request) => String(request.headers[REQUEST_ID_HEADER])));
  const spans = serverSpans(options.name, (request) => observationOf(request).operation);

  app.get("/health/live", (_request, response) => {
    const wedged = options.admission?.wedged();
    if (wedged) {
      response.status(503).json({ status: "wedged", service: options.name, reason: wedged });
      return;
    }
    response.json({ status: "ok", service: options.name });
  });
  app.get("/health/ready", (_request, response) => {
    if (stopping) {
      response.status(503).json({ status: "stopping", service: options.name });
      return;
    }
    options.ready().then(
      () => response.json({ status: "ready", service: options.name }),
      (error: unknown) => {
        response.status(503).json({ status: "unavailable", service: options.name, reason: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  app.get("/metrics", (_request, response) => {
    registry.metrics().then(
      (text) => response.type(registry.contentType).send(text),
      (error: unknown) => response.status(500).send(String(error)),
    );
  });

  const bodyLimit = options.bodyLimit ?? "2mb";
  if (options.routes) app.use(options.routes);
  app.use(
    "/graphql",
    spans.start,
    gatewayOnly,
    express.json({ limit: bodyLimit }),
    ...(options.admission ? [options.admission.middleware] : []),
    ...(options.beforeGraphQL ?? []),
    spans.enter,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const context = await options.context(req);
        Object.assign(context, { [HTTP_REQUEST]: req });
        return context;
      },
    }),
  );

  // body-parser errors (malformed JSON, too large) arrive here; answer them as GraphQL errors.
  const onBodyError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, request, response, next) => {
    if (response.headersSent) return next(error);
    const id = String(request.headers[REQUEST_ID_HEADER]);
    if (error.type === "entity.parse.failed") {
      response.status(400).json(
        errorBody(`The request body is not valid JSON (${error.message}). Send {"query": "..."} with Content-Type: application/json.`, "BAD_REQUEST", {
          requestId: id,
        }),
      );
    } else if (error.type === "entity.too.large") {
      response.status(413).json(
        errorBody(`The request body is larger than the ${bodyLimit} limit; send a smaller operation.`, "PAYLOAD_TOO_LARGE", {
          limit: "maxBody",
          allowed: bodyLimit,
          requestId: id,
        }),
      );
    } else {
      requestLog(request).error({ err: error }, "unhandled HTTP error");
      response.status(error.status ?? 500).json(errorBody(`The request could not be processed (request id ${id}).`, "BAD_REQUEST", { requestId: id }));
    }
  };
  app.use(onBodyError);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} listening`);
  return {
    name: options.name,
    url,
    port,
    async stop() {
      stopping = true;
      await drain(httpServer, options.drainTimeoutMs ?? 10_000);
      await apollo.stop();
      await options.onStop?.();
    },
  };
}
