import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { Gauge } from "prom-client";
import { buildSubgraph } from "./build-subgraph";
import { loadConfig } from "./config";
import { createDataSource, type Database } from "./data-source";
import { type RunningService, serveGraphQL } from "./http";
import { createLogger, type Logger } from "./logger";
import { apolloLimitOptions, DEFAULT_OPERATION_LIMITS, type OperationLimits, operationLimitsPlugin, subgraphLimits } from "./operation-limits";
import { stopOnSignals } from "./shutdown";
import { createContext, type Limits, type SubgraphContext, type SubgraphModule } from "./subgraph-module";

/** Where a subgraph's database lives. */
export interface DatabaseLocation {
  /** PostgreSQL URL; undefined for the SQLite file in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
}

/**
 * Opens a subgraph's database and, when it is empty, loads the bundled dataset into it.
 * A database that already has rows is left as it is.
 */
export async function openSubgraphDatabase<Loaders>(module: SubgraphModule<Loaders>, location: DatabaseLocation): Promise<Database> {
  const db = await createDataSource({ name: module.name, entities: module.entities, ...location });
  await module.prepare?.(db);
  const [first] = module.entities;
  if (first && (await db.dataSource.getRepository(first).count()) === 0) await module.seed(db);
  db.sql.count = 0;
  return db;
}

/** Where and how one subgraph is served. */
export interface StartSubgraphOptions {
  host: string;
  port: number;
  db: Database;
  logger: Logger;
  limits?: Limits;
  /** Include stack traces in error responses (development only; the gateway passes them on). */
  stackTraces?: boolean;
  /** Production error policy (masked internal errors). */
  production?: boolean;
  /** The gateway's shared secret; when set, requests without it are refused with 401. */
  secret?: string;
  /** Most `_entities` representations per request, counted after expanding fragments (default 5000). */
  maxEntities?: number;
  /** The gateway's operation limits, from which this subgraph derives its own (`subgraphLimits`; default: the gateway's defaults). */
  operationLimits?: OperationLimits;
  /** Largest request body (default "2mb"). */
  bodyLimit?: string;
  /** Close the database when the server stops (true when this call opened nothing else on it). */
  closeDatabaseOnStop?: boolean;
}

/** Serves one subgraph over HTTP: its schema, a fresh context (and loaders) per request, health. */
export async function startSubgraph<Loaders>(module: SubgraphModule<Loaders>, options: StartSubgraphOptions): Promise<RunningService> {
  const schema = await buildSubgraph(module);
  const limits = subgraphLimits(options.operationLimits ?? DEFAULT_OPERATION_LIMITS, options.maxEntities ?? 5000);
  return serveGraphQL<SubgraphContext<Loaders>>({
    name: module.name,
    host: options.host,
    port: options.port,
    logger: options.logger,
    // Inline tracing (ftv1) is only useful when reporting to Apollo Studio.
    apollo: {
      schema,
      // Whoever holds the secret can send anything, so a subgraph measures operations as the gateway does.
      ...apolloLimitOptions(limits),
      plugins: [ApolloServerPluginInlineTraceDisabled(), operationLimitsPlugin(limits)],
      includeStacktraceInErrorResponses: options.stackTraces ?? false,
    },
    production: options.production,
    requireSecret: options.secret,
    bodyLimit: options.bodyLimit,
    context: async () => createContext(module, options.db, options.limits),
    ready: async () => {
      await options.db.dataSource.query("SELECT 1");
    },
    metrics: (registry) => {
      const { sql } = options.db;
      new Gauge({
        name: "sql_statements_total",
        help: "SQL statements this subgraph has run since it started (monotonic; a gauge so that it reads the counter in place).",
        registers: [registry],
        collect() {
          this.set(sql.total);
        },
      });
    },
    onStop: options.closeDatabaseOnStop ? () => options.db.dataSource.destroy() : undefined,
  });
}

/**
 * The body of a subgraph's own entry point (distributed mode): reads the configuration, opens and
 * seeds the database, serves, and stops cleanly on SIGTERM/SIGINT.
 */
export async function runSubgraph<Loaders>(module: SubgraphModule<Loaders>): Promise<RunningService> {
  const config = loadConfig();
  const logger = createLogger(module.name, config.logLevel);
  const own = config.subgraphs[module.name];
  const db = await openSubgraphDatabase(module, { databaseUrl: own.databaseUrl, dataDir: config.dataDir });
  const service = await startSubgraph(module, {
    host: own.host,
    port: own.port,
    db,
    logger,
    limits: { maxPageSize: config.maxPageSize },
    closeDatabaseOnStop: true,
  });
  stopOnSignals(() => service.stop(), logger);
  return service;
}
