import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { Gauge } from "prom-client";
import { requestLog } from "./access-log";
import { buildSubgraph } from "./build-subgraph";
import { type Config, loadConfig } from "./config";
import { checkDatabase, databaseFailureCode } from "./database-health";
import { createDataSource, type Database } from "./data-source";
import { readDataVersion } from "./data-version";
import { type RunningService, serveGraphQL } from "./http";
import { createLogger, type Logger } from "./logger";
import { type MigratePolicy, migrateOnStart } from "./migrations";
import { fieldFloodGuard } from "./field-flood-guard";
import { apolloLimitOptions, DEFAULT_OPERATION_LIMITS, type OperationLimits, operationLimitsPlugin, subgraphLimits } from "./operation-limits";
import { stopOnSignals } from "./shutdown";
import { failStartup, warnUnknownVariables } from "./startup";
import { startTracing } from "./tracing";
import { principalFromHeader, PRINCIPAL_HEADER, schemaSecurityRequirements, securityPlugin } from "./security";
import { createContext, type Limits, type SubgraphContext, type SubgraphModule } from "./subgraph-module";

/** Where a subgraph's database lives. */
export interface DatabaseLocation {
  /** PostgreSQL URL; undefined for the SQLite file in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** A database behind the code: migrate it (default), or refuse to start (production's default, see `Config.migrate`). */
  migrate?: MigratePolicy;
  /** Build the tables with TypeORM's synchronize instead of the migrations (tests comparing the two only). */
  synchronize?: boolean;
}

/**
 * Opens a subgraph's database, brings its schema up to the code (`migrateOnStart`: or refuses), and,
 * when it is empty, loads the bundled dataset into it.
 * A database that already has rows is left as it is, and so is one that cannot be read (a
 * corrupted file): the subgraph still starts and its readiness says what is wrong.
 */
export async function openSubgraphDatabase<Loaders>(module: SubgraphModule<Loaders>, location: DatabaseLocation): Promise<Database> {
  const { migrate = "auto", ...where } = location;
  const db = await createDataSource({ name: module.name, entities: module.entities, migrations: module.migrations, ...where });
  try {
    if (!location.synchronize) await migrateOnStart(module.name, db.dataSource, migrate);
  } catch (error) {
    await db.dataSource.destroy();
    throw error;
  }
  await seedIfEmpty(module, db);
  db.sql.count = 0;
  return db;
}

/**
 * Loads the bundled dataset into a subgraph's database when it has no rows yet: what a server does on
 * its first start, and what a direct import does before its own batches, so both see the same data.
 */
export async function seedIfEmpty<Loaders>(module: SubgraphModule<Loaders>, db: Database): Promise<void> {
  const [first] = module.entities;
  if (first && (await isEmpty(db, first))) await module.seed(db);
}

/** True when the table has no rows; false when it has some, or when a database-level failure hides them. */
async function isEmpty(db: Database, entity: Function): Promise<boolean> {
  try {
    return (await db.dataSource.getRepository(entity).count()) === 0;
  } catch (error) {
    if (databaseFailureCode(error)) return false;
    throw error;
  }
}

/** What protects a served subgraph; `subgraphProtection` decides it from the configuration. */
export interface SubgraphProtection {
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
  /** Schema introspection (default: off in production). */
  introspection?: boolean;
  /** How long a client may take to send a whole request (default 30 s). */
  requestReadTimeoutMs?: number;
}

/**
 * The one place that decides how a subgraph protects itself, whatever the run mode (embedded,
 * distributed, tests): the production error policy, the gateway secret, the operation limits and
 * the `_entities` cap, the body limit, the client read timeout and introspection all come from the
 * configuration here, so no entry point can forget one. `secret` is the configured one, or embedded mode's per-start secret.
 */
export function subgraphProtection(config: Config, secret: string | undefined): SubgraphProtection {
  return {
    limits: { maxPageSize: config.maxPageSize },
    stackTraces: config.env === "development",
    production: config.env === "production",
    secret,
    maxEntities: config.maxEntities,
    operationLimits: config.operationLimits,
    bodyLimit: config.maxBody,
    introspection: config.introspection,
    requestReadTimeoutMs: config.requestReadTimeoutMs,
  };
}

/** Where and how one subgraph is served. */
export interface StartSubgraphOptions extends SubgraphProtection {
  host: string;
  port: number;
  db: Database;
  logger: Logger;
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
    apollo: {
      schema,
      // Whoever holds the secret can send anything, so a subgraph measures operations as the gateway does.
      ...apolloLimitOptions(limits),
      // Federated traces (ftv1) for Apollo Studio: added only when the gateway asks for one
      // (`apollo-federation-include-trace: ftv1`, sent for sampled operations when it reports usage); error texts masked.
      plugins: [
        // The gateway has checked the security directives already; checked again here, so that a
        // mistake there (or a caller holding the secret) cannot write without the scopes.
        securityPlugin<SubgraphContext<Loaders>>(schemaSecurityRequirements(schema), (context) => context.principal),
        ApolloServerPluginInlineTrace({ includeErrors: { masked: true } }),
        // Apollo Server's default cache-control plugin has a `willResolveField` hook, which wraps every
        // resolver of the schema and runs per field (~9% of a subgraph's CPU in a bench profile), to
        // compute hints from `@cacheControl` directives that no subgraph declares: every answer came
        // out `no-store`, and the gateway reads a missing header the same way (max-age 0).
        ApolloServerPluginCacheControlDisabled(),
        operationLimitsPlugin(limits),
      ],
      includeStacktraceInErrorResponses: options.stackTraces ?? false,
    },
    production: options.production,
    introspection: options.introspection,
    requireSecret: options.secret,
    bodyLimit: options.bodyLimit,
    requestReadTimeoutMs: options.requestReadTimeoutMs,
    beforeGraphQL: [fieldFloodGuard(limits)],
    // Without a secret nothing proves a request came from the gateway, so no caller is believed (writes are refused).
    context: async (request) =>
      createContext(module, options.db, options.limits, requestLog(request), principalFromHeader(request.headers[PRINCIPAL_HEADER], Boolean(options.secret))),
    ready: () => checkDatabase(options.db.dataSource, options.db.failures),
    dataVersion: () => readDataVersion(options.db),
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
 * seeds the database, serves with the same protection as every other mode, and stops cleanly on
 * SIGTERM/SIGINT. In production it refuses to start without `GATEWAY_SECRET`: a subgraph on its own
 * port would otherwise answer anyone, bypassing every limit the gateway enforces.
 */
export async function runSubgraph<Loaders>(module: SubgraphModule<Loaders>): Promise<RunningService> {
  let logger = createLogger(module.name);
  let config: Config | undefined;
  try {
    config = loadConfig();
    logger = createLogger(module.name, config.logLevel);
    warnUnknownVariables(logger);
    if (!config.gatewaySecret) {
      if (config.env === "production") {
        throw new Error(
          `GATEWAY_SECRET is not set: in production the ${module.name} subgraph answers only the gateway. Set the same GATEWAY_SECRET on the gateway and every subgraph.`,
        );
      }
      logger.warn(`GATEWAY_SECRET is not set: the ${module.name} subgraph answers anyone who reaches its port (allowed outside production only).`);
    }
    const tracing = startTracing({ service: module.name, endpoint: config.tracing.endpoint, serviceName: config.tracing.serviceName });
    const own = config.subgraphs[module.name];
    const db = await openSubgraphDatabase(module, { databaseUrl: own.databaseUrl, dataDir: config.dataDir, migrate: config.migrate });
    // Serve anyway (readiness says 503, so no traffic is routed here), but tell the operator at once.
    await checkDatabase(db.dataSource, db.failures).catch((error: unknown) =>
      logger.error(`the ${module.name} subgraph starts not ready: ${error instanceof Error ? error.message : String(error)}`),
    );
    const service = await startSubgraph(module, {
      host: own.host,
      port: own.port,
      db,
      logger,
      ...subgraphProtection(config, config.gatewaySecret),
      closeDatabaseOnStop: true,
    });
    stopOnSignals(
      async () => {
        await service.stop();
        await tracing?.shutdown();
      },
      logger,
      config.shutdownDeadlineMs,
    );
    return service;
  } catch (error) {
    return failStartup(logger, `the ${module.name} subgraph`, error, config);
  }
}
