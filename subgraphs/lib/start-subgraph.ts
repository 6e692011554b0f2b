import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { Gauge } from "prom-client";
import { buildSubgraph } from "./build-subgraph";
import { loadConfig } from "./config";
import { createDataSource, type Database } from "./data-source";
import { type RunningService, serveGraphQL } from "./http";
import { createLogger, type Logger } from "./logger";
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
  /** Close the database when the server stops (true when this call opened nothing else on it). */
  closeDatabaseOnStop?: boolean;
}

/** Serves one subgraph over HTTP: its schema, a fresh context (and loaders) per request, health. */
export async function startSubgraph<Loaders>(module: SubgraphModule<Loaders>, options: StartSubgraphOptions): Promise<RunningService> {
  const schema = await buildSubgraph(module);
  return serveGraphQL<SubgraphContext<Loaders>>({
    name: module.name,
    host: options.host,
    port: options.port,
    logger: options.logger,
    // Inline tracing (ftv1) is only useful when reporting to Apollo Studio.
    apollo: { schema, plugins: [ApolloServerPluginInlineTraceDisabled()], includeStacktraceInErrorResponses: options.stackTraces ?? false },
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
