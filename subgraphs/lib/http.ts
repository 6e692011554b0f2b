import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler, type Request } from "express";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { Logger } from "./logger";

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
  /** Apollo Server options (a schema or a gateway); the HTTP drain plugin is added here. */
  apollo: ApolloServerOptions<TContext>;
  /** Builds the per-request context. */
  context: (request: Request) => Promise<TContext>;
  /** Resolves when the service can answer (its database or its subgraphs); rejects with the reason. */
  ready: () => Promise<void>;
  logger: Logger;
  /** Largest accepted request body. */
  bodyLimit?: string;
  /**
   * Answer client errors (BAD_USER_INPUT) with HTTP 400. On for the gateway; off for subgraphs, whose
   * only client is the gateway: it reads a non-2xx answer as a failed subgraph, not as a bad argument.
   */
  clientErrorsAs400?: boolean;
  /** Adds this service's own metrics to its registry (served on `/metrics`). */
  metrics?: (registry: Registry) => void;
  /** Runs after the server stopped (closing databases). */
  onStop?: () => Promise<void>;
}

/**
 * Answers with HTTP 400 when an error was the client's fault (a bad argument found by a resolver,
 * possibly in a subgraph, arrives as BAD_USER_INPUT): Apollo Server would otherwise send 200.
 */
export const clientErrorStatusPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== "single") return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.some((error) => error.extensions?.code === "BAD_USER_INPUT")) response.http.status = 400;
      },
    };
  },
};

/** A JSON-RPC-shaped GraphQL error body for failures that happen before GraphQL runs. */
function errorBody(message: string, code: string): { errors: { message: string; extensions: { code: string } }[] } {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Serves Apollo Server on `/graphql` plus `/health/live` and `/health/ready`, the one HTTP set-up
 * shared by the gateway and every subgraph.
 */
export async function serveGraphQL<TContext extends BaseContext>(options: ServeOptions<TContext>): Promise<RunningService> {
  const app = express();
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<TContext>({
    ...options.apollo,
    plugins: [
      ...(options.apollo.plugins ?? []),
      ...(options.clientErrorsAs400 ? [clientErrorStatusPlugin] : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();

  app.disable("x-powered-by");
  // One registry per service (never the process-wide default), so several services in one process
  // (embedded mode, tests) each report their own figures.
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.name });
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration",
    labelNames: ["route", "status"],
    registers: [registry],
  });
  options.metrics?.(registry);
  app.use((request, response, next) => {
    const end = requests.startTimer({ route: request.path });
    response.on("finish", () => end({ status: String(response.statusCode) }));
    next();
  });
  app.get("/metrics", (_request, response) => {
    registry.metrics().then(
      (text) => response.type(registry.contentType).send(text),
      (error: unknown) => response.status(500).send(String(error)),
    );
  });
  app.get("/health/live", (_request, response) => {
    response.json({ status: "ok", service: options.name });
  });
  app.get("/health/ready", (_request, response) => {
    options.ready().then(
      () => response.json({ status: "ready", service: options.name }),
      (error: unknown) => {
        response.status(503).json({ status: "unavailable", service: options.name, reason: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  app.use("/graphql", express.json({ limit: options.bodyLimit ?? "2mb" }), expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }));
  // body-parser errors (malformed JSON, too large) arrive here; answer them as GraphQL errors.
  const onBodyError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _request, response, next) => {
    if (response.headersSent) return next(error);
    if (error.type === "entity.parse.failed") {
      response
        .status(400)
        .json(errorBody(`The request body is not valid JSON (${error.message}). Send {"query": "..."} with Content-Type: application/json.`, "BAD_REQUEST"));
    } else if (error.type === "entity.too.large") {
      response.status(413).json(errorBody(`The request body is larger than the ${options.bodyLimit ?? "2mb"} limit.`, "PAYLOAD_TOO_LARGE"));
    } else {
      options.logger.error({ err: error }, "unhandled HTTP error");
      response.status(error.status ?? 500).json(errorBody("The request could not be processed.", "INTERNAL_SERVER_ERROR"));
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
      await apollo.stop();
      await options.onStop?.();
    },
  };
}
