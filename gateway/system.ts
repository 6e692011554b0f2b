import { randomBytes } from "node:crypto";
import { SUBGRAPHS } from "../subgraphs";
import { buildSubgraph } from "../subgraphs/lib/build-subgraph";
import { type Config, SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import { checkDatabase } from "../subgraphs/lib/database-health";
import type { Database } from "../subgraphs/lib/data-source";
import { readDataVersion } from "../subgraphs/lib/data-version";
import type { RunningService } from "../subgraphs/lib/http";
import type { Logger } from "../subgraphs/lib/logger";
import { subgraphLimits } from "../subgraphs/lib/operation-limits";
import { openSubgraphDatabase, startSubgraph, subgraphProtection } from "../subgraphs/lib/start-subgraph";
import { createContext } from "../subgraphs/lib/subgraph-module";
import { startTracing, type Tracing } from "../subgraphs/lib/tracing";
import { schemaSecurityRequirements } from "../subgraphs/lib/security";
import { createTokenVerifier } from "./auth";
import { type CacheStore, MemoryStore, RedisStore } from "./cache-store";
import { HttpSubgraph, InProcessSubgraph, type SubgraphSource } from "./data-sources";
import { type RunningGateway, startGateway } from "./server";
import { readSupergraph } from "./supergraph";
import { readTrustedDocuments } from "./trusted-documents";

/**
 * How to run:
 * - `embedded`: the gateway and the three subgraphs, each subgraph on its own port, in this process.
 * - `in-process`: the gateway calls the subgraphs' schemas directly, with no HTTP hop.
 * - `gateway-only`: the gateway alone, reaching subgraphs at the URLs in the configuration.
 */
export type RunMode = "embedded" | "in-process" | "gateway-only";

/** A running system. */
export interface System {
  /** The gateway's GraphQL endpoint. */
  url: string;
  gateway: RunningGateway;
  subgraphs: RunningService[];
  /** The databases this process opened (not in `gateway-only` mode). */
  databases: Partial<Record<SubgraphName, Database>>;
  /** OpenTelemetry, when OTEL_EXPORTER_OTLP_ENDPOINT is set: one provider for the process, each service its own `service.name`. */
  tracing: Tracing | undefined;
  stop(): Promise<void>;
}

/** The store of the response cache and automatic persisted queries: Redis when REDIS_URL is set, else this process's memory. */
function cacheStore(settings: Config["cache"], logger: Logger): CacheStore {
  return settings.redisUrl ? new RedisStore(settings.redisUrl, settings.redisKeyPrefix, logger) : new MemoryStore(settings.maxEntries);
}

/** Starts the system in one of the run modes; a subgraph that does not answer is logged, not fatal. */
export async function startSystem(config: Config, mode: RunMode, logger: Logger): Promise<System> {
  // Before anything opens: a bad manifest stops start-up with nothing to clean up.
  if (config.trustedDocumentsOnly && !config.trustedDocuments) throw new Error("TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS, the manifest to enforce.");
  const trustedDocuments = config.trustedDocuments === undefined ? undefined : readTrustedDocuments(config.trustedDocuments);
  const tracing = startTracing({ service: "gateway", endpoint: config.tracing.endpoint, serviceName: config.tracing.serviceName });
  const databases: Partial<Record<SubgraphName, Database>> = {};
  const services: RunningService[] = [];
  const sources: SubgraphSource[] = [];
  const limits = { maxPageSize: config.maxPageSize };
  // Embedded mode makes its own secret per start, so its subgraphs' ports answer nobody else.
  const secret = config.gatewaySecret ?? (mode === "embedded" ? randomBytes(24).toString("base64url") : undefined);
  const production = config.env === "production";
  const http = (name: SubgraphName, url: string) =>
    new HttpSubgraph({
      name,
      url,
      timeoutMs: config.subgraphTimeoutMs,
      deduplicate: config.deduplicateFetches,
      logger,
      secret,
      startHint: `start it with \`npm run start:${name}\``,
    });

  for (const name of SUBGRAPH_NAMES) {
    const own = config.subgraphs[name];
    const module = SUBGRAPHS[name];
    if (mode === "gateway-only") {
      sources.push(http(name, own.url));
      continue;
    }
    const db = await openSubgraphDatabase(module, { databaseUrl: own.databaseUrl, dataDir: config.dataDir, migrate: config.migrate });
    databases[name] = db;
    if (mode === "embedded") {
      const service = await startSubgraph(module, {
        host: own.host,
        port: own.port,
        db,
        logger: logger.child({ subgraph: name }),
        ...subgraphProtection(config, secret),
        closeDatabaseOnStop: true,
      });
      services.push(service);
      sources.push(http(name, service.url));
    } else {
      const schema = await buildSubgraph(module);
      sources.push(
        new InProcessSubgraph({
          name,
          schema,
          createContext: (log, principal) => createContext(module, db, limits, log, principal),
          security: schemaSecurityRequirements(schema),
          ready: () => checkDatabase(db.dataSource, db.failures),
          limits: subgraphLimits(config.operationLimits, config.maxEntities),
          timeoutMs: config.subgraphTimeoutMs,
          dataVersion: () => readDataVersion(db),
        }),
      );
    }
  }

  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphs: sources,
    host: config.host,
    port: config.gatewayPort,
    production,
    stackTraces: config.env === "development",
    limits: config.operationLimits,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    explorer: config.explorer,
    bodyLimit: config.maxBody,
    admission: config.admission,
    requestReadTimeoutMs: config.requestReadTimeoutMs,
    trustedDocuments: trustedDocuments && { documents: trustedDocuments, only: config.trustedDocumentsOnly },
    studio: config.apollo,
    verifyToken: createTokenVerifier(config.auth),
    cache: {
      store: cacheStore(config.cache, logger),
      ttlSeconds: config.cache.ttlSeconds,
      responses: config.cache.responses,
      admission: { after: config.cache.admitAfter, window: config.cache.admitWindow },
    },
    logger,
  });
  for (const problem of await gateway.checkSubgraphs()) logger.warn(problem);
  if (!config.auth.secret && !config.auth.jwksFile) logger.info("neither JWT_SECRET nor JWT_JWKS_FILE is set: reads are open, every write is refused (401)");

  return {
    url: gateway.url,
    gateway,
    subgraphs: services,
    databases,
    tracing,
    async stop() {
      await gateway.stop();
      await Promise.all(services.map((service) => service.stop()));
      if (mode === "in-process") await Promise.all(Object.values(databases).map((db) => db.dataSource.destroy()));
      await tracing?.shutdown();
    },
  };
}
