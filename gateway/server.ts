import { ApolloGateway } from "@apollo/gateway";
import type { ApolloServer, BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { type CacheStore, keyValueCache } from "./cache-store";
import { ResponseCache } from "./response-cache";
import { type AdmissionLimits, admissionControl } from "../subgraphs/lib/admission";
import { errorBody, type RunningService, serveGraphQL } from "../subgraphs/lib/http";
import type { Logger } from "../subgraphs/lib/logger";
import { readCostDirectives } from "../subgraphs/lib/cost-directives";
import { fieldFloodGuard } from "../subgraphs/lib/field-flood-guard";
import { apolloLimitOptions, DEFAULT_OPERATION_LIMITS, type OperationLimits, operationLimitsPlugin } from "../subgraphs/lib/operation-limits";
import { parse } from "graphql";
import { readSecurityRequirements, securityPlugin } from "../subgraphs/lib/security";
import type { TokenVerifier } from "./auth";
import { gatewayContext, type GatewayContext } from "./context";
import { allowedOrigins, corsRoutes } from "./cors";
import { type SubgraphSource, SubgraphNotReady } from "./data-sources";
import { explorerRoutes } from "./explorer";
import { observeFetches, SubgraphFetchMetrics } from "./fetch-metrics";
import { anonymousTelemetryOptIn, studioReporting, type StudioReporting } from "./studio";
import { partialFailurePlugin } from "./partial-failure";
import { referencesPlugin, type RunThroughGateway } from "./references";
import { withoutSecurityFeatures } from "./supergraph";
import { type TrustedDocuments, trustedDocumentsStep } from "./trusted-documents";

/** What the gateway needs: the supergraph, how to reach each subgraph, where to listen. */
export interface GatewayOptions {
  supergraphSdl: string;
  subgraphs: SubgraphSource[];
  host: string;
  port: number;
  production: boolean;
  /** Include stack traces in error responses (development only: they reveal file paths). Default: false. */
  stackTraces?: boolean;
  /** Operation limits (default: `DEFAULT_OPERATION_LIMITS`). */
  limits?: OperationLimits;
  /** Introspection and the explorer (default: off in production). */
  introspection?: boolean;
  /** Browser origins allowed to call (CORS_ORIGINS); undefined: the mode's defaults (see `allowedOrigins`). */
  corsOrigins?: string[];
  /** The explorer a browser gets at the URL when introspection is on (default: GraphiQL, served offline). */
  explorer?: "graphiql" | "sandbox";
  /** Largest request body (default "2mb"). */
  bodyLimit?: string;
  /** FIFO admission control (default: 32 at once, 2000 waiting, no stall check). */
  admission?: AdmissionLimits;
  /** How long a client may take to send its request (default 30 s). */
  requestReadTimeoutMs?: number;
  /** Apollo Studio usage reporting (undefined: off). */
  studio?: StudioReporting;
  /** Operations accepted by id from a persisted-documents manifest; with `only`, nothing else runs. */
  trustedDocuments?: { documents: TrustedDocuments; only: boolean };
  /**
   * Where automatic persisted queries and, with `responses`, whole answers are kept (see
   * `ResponseCache`); without it, Apollo Server's own in-memory APQ cache and no response cache.
   */
  cache?: { store: CacheStore; ttlSeconds: number; responses: boolean; admission?: { after: number; window: number } };
  /** Verifies bearer tokens (see `createTokenVerifier`); without one, every token is refused and reads stay open. */
  verifyToken?: TokenVerifier;
  logger: Logger;
}

/** A running gateway and the subgraph sources it uses. */
export interface RunningGateway extends RunningService {
  /** Checks every subgraph; resolves to the problems found, with internal URLs, for the log (empty when all answer). */
  checkSubgraphs(): Promise<string[]>;
}

/**
 * Starts the Apollo gateway over the given supergraph. It keeps no state of its own, so replicas can
 * run side by side behind a load balancer.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const fetches = new SubgraphFetchMetrics();
  const byName = new Map(options.subgraphs.map((source) => [source.name, observeFetches(source, fetches)]));
  const limits = options.limits ?? DEFAULT_OPERATION_LIMITS;
  anonymousTelemetryOptIn();
  const studio = studioReporting(options.studio);
  const supergraph = parse(options.supergraphSdl);
  const security = readSecurityRequirements(supergraph);
  const cache = options.cache;
  const responseCache = cache?.responses
    ? new ResponseCache({
        store: cache.store,
        ttlSeconds: cache.ttlSeconds,
        admission: cache.admission,
        dataVersions: Object.fromEntries(options.subgraphs.map((source) => [source.name, () => source.dataVersion()])),
        supergraphSdl: options.supergraphSdl,
        security,
      })
    : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: withoutSecurityFeatures(options.supergraphSdl),
    // Which subgraphs an operation touches, from the gateway's own plan: the response cache keys answers by their data versions.
    experimental_didResolveQueryPlan:
      responseCache && (({ queryPlan, requestContext }) => responseCache.notePlan(requestContext.document, requestContext.operationName, queryPlan)),
    buildService: ({ name }) => {
      const source = byName.get(name);
      if (!source) throw new Error(`The supergraph names subgraph "${name}", but no data source was configured for it.`);
      return source;
    },
    logger: options.logger,
  });
  /** The problems of the subgraphs that failed their check: for the log (`detail`) or for clients. */
  const problems = async (audience: "log" | "public"): Promise<string[]> => {
    const results = await Promise.allSettled(options.subgraphs.map((source) => source.check()));
    return results.flatMap((result) => {
      if (result.status === "fulfilled") return [];
      const reason: unknown = result.reason;
      if (reason instanceof SubgraphNotReady) return [audience === "log" ? reason.detail : reason.message];
      return [reason instanceof Error ? reason.message : String(reason)];
    });
  };
  const checkSubgraphs = () => problems("log");
  const introspection = options.introspection ?? !options.production;
  const graphiql = introspection && (options.explorer ?? "graphiql") === "graphiql";
  let runThroughGateway: RunThroughGateway | undefined;
  const origins = allowedOrigins({ configured: options.corsOrigins, production: options.production, introspection });
  const service = await serveGraphQL<BaseContext>({
    name: "gateway",
    host: options.host,
    port: options.port,
    logger: options.logger,
    apollo: {
      gateway,
      apollo: studio.apollo,
      ...(cache ? { persistedQueries: { cache: keyValueCache(cache.store, cache.ttlSeconds) } } : {}),
      includeStacktraceInErrorResponses: options.stackTraces ?? false,
      // The parser's token cap and validation's fragment-bomb cap; then the plugin measures the rest.
      ...apolloLimitOptions(limits),
      plugins: [
        // First: an operation the caller may not run is refused before it is measured or planned.
        securityPlugin<BaseContext>(security, (context) => (context as GatewayContext).caller),
        // Then, for a mutation the caller may run: do the entities its input references exist?
        referencesPlugin(supergraph, () => runThroughGateway),
        ApolloServerPluginInlineTraceDisabled(),
        ...studio.plugins,
        operationLimitsPlugin(limits, readCostDirectives(options.supergraphSdl)),
        partialFailurePlugin(),
        // Last: an operation is answered from the cache only once every check above has passed.
        ...(responseCache ? [responseCache.plugin()] : []),
      ],
    },
    clientErrorsAs400: true,
    requestReadTimeoutMs: options.requestReadTimeoutMs,
    admission: admissionControl(options.admission ?? { maxInFlight: 32, maxQueued: 2000 }, (response) => {
      response
        .status(503)
        .setHeader("retry-after", "1")
        .json(errorBody("The gateway is at capacity; retry in a second.", "SERVER_BUSY", { requestId: response.getHeader("x-request-id") }));
    }),
    beforeGraphQL: [
      ...(options.trustedDocuments ? [trustedDocumentsStep({ ...options.trustedDocuments, maxTokens: limits.maxTokens })] : []),
      fieldFloodGuard(limits),
    ],
    production: options.production,
    introspection,
    sandbox: !graphiql,
    routes: [corsRoutes(origins), ...(graphiql ? [explorerRoutes()] : [])],
    bodyLimit: options.bodyLimit,
    context: async (request) => gatewayContext(request, options.verifyToken),
    onApolloStarted: (apollo: ApolloServer<BaseContext>) => {
      runThroughGateway = async (query, variables, contextValue) => (await apollo.executeOperation({ query, variables }, { contextValue })).body;
    },
    metrics: (registry) => {
      fetches.register(registry);
      responseCache?.register(registry);
    },
    ready: async () => {
      // The public port says which subgraph and why, never where it runs.
      const found = await problems("public");
      if (found.length) throw new Error(found.join("; "));
    },
  });
  return {
    ...service,
    checkSubgraphs,
    async stop() {
      await service.stop();
      await cache?.store.close();
    },
  };
}
