import { closest as closestMatch, distance } from "fastest-levenshtein";
import { z } from "zod";

/** The three subgraphs, in the order they are started and composed. */
export const SUBGRAPH_NAMES = ["incident", "actor", "statement"] as const;
/** Name of one subgraph. */
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const portMessage = "must be a port number from 0 to 65535";
const port = z.coerce.number({ invalid_type_error: portMessage }).int(portMessage).min(0, portMessage).max(65535, portMessage);
const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.string().url().optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  GATEWAY_PORT: port.default(4000),
  INCIDENT_PORT: port.default(4001),
  ACTOR_PORT: port.default(4002),
  STATEMENT_PORT: port.default(4003),
  INCIDENT_URL: optionalUrl.default(""),
  ACTOR_URL: optionalUrl.default(""),
  STATEMENT_URL: optionalUrl.default(""),
  INCIDENT_DATABASE_URL: optionalUrl.default(""),
  ACTOR_DATABASE_URL: optionalUrl.default(""),
  STATEMENT_DATABASE_URL: optionalUrl.default(""),
  DATA_DIR: z.string().default("data"),
  MIGRATE: z.enum(["", "auto", "refuse"]).default(""),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  DEDUPLICATE_FETCHES: z.enum(["true", "false"]).default("true"),
  RESPONSE_CACHE: z.enum(["true", "false"]).default("true"),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().positive().default(10_000),
  RESPONSE_CACHE_TTL_S: z.coerce.number().int().positive().default(300),
  RESPONSE_CACHE_ADMIT_AFTER: z.coerce.number().int().positive().default(2),
  RESPONSE_CACHE_ADMIT_WINDOW: z.coerce.number().int().positive().default(50_000),
  REDIS_URL: z
    .string()
    .trim()
    .default("")
    .refine((value) => value === "" || /^rediss?:\/\/\S+$/.test(value), "a Redis URL such as redis://127.0.0.1:6379 (or empty: no Redis)"),
  REDIS_KEY_PREFIX: z.string().default("conflict-graph:"),
  MAX_PAGE_SIZE: z.coerce.number().int().positive().default(100),
  MAX_DEPTH: z.coerce.number().int().positive().default(15),
  MAX_ALIASES: z.coerce.number().int().nonnegative().default(30),
  MAX_ROOT_FIELDS: z.coerce.number().int().positive().default(20),
  MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(20),
  MAX_TOKENS: z.coerce.number().int().positive().default(5000),
  MAX_COST: z.coerce.number().int().positive().default(100_000),
  MAX_LIST_ITEMS: z.coerce.number().int().positive().default(100),
  MAX_FIELDS: z.coerce.number().int().positive().default(500),
  MAX_BODY: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, "a size such as 2mb or 512kb")
    .default("2mb"),
  MAX_ENTITIES: z.coerce.number().int().positive().default(5000),
  GATEWAY_SECRET: z.string().default(""),
  JWT_SECRET: z.string().default(""),
  JWT_JWKS_FILE: z.string().trim().default(""),
  JWT_ISSUER: z.string().trim().default(""),
  JWT_AUDIENCE: z.string().trim().default(""),
  IMPORT_TOKEN: z.string().trim().default(""),
  INTROSPECTION: z.enum(["", "true", "false"]).default(""),
  SHUTDOWN_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
  MAX_IN_FLIGHT: z.coerce.number().int().positive().default(32),
  MAX_QUEUED: z.coerce.number().int().nonnegative().default(2000),
  REQUEST_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  LIVENESS_STALL_MS: z
    .string()
    .default("")
    .transform((value) => (value.trim() === "" ? undefined : value))
    .pipe(z.coerce.number().int().positive().optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  CORS_ORIGINS: z.string().default(""),
  EXPLORER: z.enum(["graphiql", "sandbox"]).default("graphiql"),
  TRUSTED_DOCUMENTS: z.string().default(""),
  TRUSTED_DOCUMENTS_ONLY: z.enum(["", "true", "false"]).default(""),
  APOLLO_KEY: z.string().default(""),
  APOLLO_GRAPH_REF: z.string().default(""),
  APOLLO_USAGE_REPORTING_ENDPOINT: optionalUrl.default(""),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl.default(""),
  OTEL_SERVICE_NAME: z.string().trim().default(""),
});

/** Where one subgraph listens and keeps its data. */
export interface SubgraphConfig {
  name: SubgraphName;
  host: string;
  port: number;
  /** The URL the gateway uses to reach this subgraph. */
  url: string;
  /** A PostgreSQL URL, or undefined for the embedded SQLite file in `dataDir`. */
  databaseUrl: string | undefined;
}

/** Every setting of the system, read from the environment in one place (see `.env.example`). */
export interface Config {
  env: "development" | "production" | "test";
  host: string;
  gatewayPort: number;
  dataDir: string;
  /** A database behind the code at start: `auto` migrates it, `refuse` stops (MIGRATE; default: refuse in production, auto otherwise). */
  migrate: "auto" | "refuse";
  subgraphTimeoutMs: number;
  /** Collapse identical subgraph query fetches in flight at the same moment into one (DEDUPLICATE_FETCHES, default on). */
  deduplicateFetches: boolean;
  /**
   * The gateway's response cache (RESPONSE_CACHE, default on; RESPONSE_CACHE_MAX_ENTRIES in memory,
   * RESPONSE_CACHE_TTL_S) and where it and automatic persisted queries are kept: in the gateway's
   * memory, or in Redis (REDIS_URL, keys under REDIS_KEY_PREFIX), shared by every gateway pointed at it.
   * A query is cached from its `admitAfter`-th sighting among the `admitWindow` most recently seen
   * (RESPONSE_CACHE_ADMIT_AFTER, RESPONSE_CACHE_ADMIT_WINDOW).
   */
  cache: {
    responses: boolean;
    maxEntries: number;
    ttlSeconds: number;
    admitAfter: number;
    admitWindow: number;
    redisUrl: string | undefined;
    redisKeyPrefix: string;
  };
  /** Largest `first`/`last` of any connection. */
  maxPageSize: number;
  /** Operation limits the gateway enforces (Apollo Router's defaults as a yardstick). */
  operationLimits: {
    /** Deepest field nesting. */
    maxDepth: number;
    /** Most aliased fields in one operation. */
    maxAliases: number;
    /** Most top-level fields in one operation. */
    maxRootFields: number;
    /** Most directive uses in one operation. */
    maxDirectives: number;
    /** Most lexical tokens in one document (enforced by the parser, before anything else). */
    maxTokens: number;
    /** Highest estimated cost: each field counts once per item of every list above it. */
    maxCost: number;
    /** Most items in one list argument or list variable. */
    maxListItems: number;
    /** Most field selections in one document, checked before validation (whose field-merging check is quadratic in duplicates). */
    maxFields: number;
  };
  /** Largest request body, as body-parser reads it ("2mb"). */
  maxBody: string;
  /** Most `_entities` representations one request to a subgraph may carry. */
  maxEntities: number;
  /** Shared secret the gateway sends and subgraphs require; undefined: none configured. */
  gatewaySecret: string | undefined;
  /**
   * How the gateway verifies bearer tokens for writes: an HS256 shared secret (JWT_SECRET) or a JSON Web
   * Key Set file (JWT_JWKS_FILE), and the issuer and audience tokens must name (JWT_ISSUER, JWT_AUDIENCE; not checked when unset).
   */
  auth: { secret?: string; jwksFile?: string; issuer?: string; audience?: string };
  /** Bearer token `npm run import` sends through the gateway when `--token` is not given (IMPORT_TOKEN). */
  importToken: string | undefined;
  /** Schema introspection and the explorer (GraphiQL, or Sandbox with EXPLORER=sandbox): on in development, off in production unless set. */
  introspection: boolean;
  /** How long a SIGTERM/SIGINT waits for in-flight requests before exiting. */
  shutdownDeadlineMs: number;
  /** Gateway admission: operations processed at once, and how many may wait (FIFO) beyond that. */
  admission: { maxInFlight: number; maxQueued: number; stallLimitMs: number };
  /** How long any process waits for a client to send a whole request before answering 408. */
  requestReadTimeoutMs: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  subgraphs: Record<SubgraphName, SubgraphConfig>;
  /** Browser origins allowed to call the gateway (CORS_ORIGINS, comma-separated; "*" only when set so); undefined: the mode's defaults. */
  corsOrigins: string[] | undefined;
  /** The explorer served at the gateway's URL when introspection is on: GraphiQL from our own dependencies, or Apollo Sandbox (needs internet). */
  explorer: "graphiql" | "sandbox";
  /** Path of a persisted-documents manifest (hash → operation) the gateway accepts operations from. */
  trustedDocuments: string | undefined;
  /** Refuse every operation not in the manifest (default: on in production when a manifest is set). */
  trustedDocumentsOnly: boolean;
  /** Apollo Studio usage reporting (APOLLO_KEY and APOLLO_GRAPH_REF: both set, or neither; the endpoint only to send elsewhere). */
  apollo: { key: string; graphRef: string; usageReportingEndpoint: string | undefined } | undefined;
  /** OpenTelemetry: OTLP/HTTP base URL (tracing is off without one) and this process's service.name (default: gateway, or the subgraph's name). */
  tracing: { endpoint: string | undefined; serviceName: string | undefined };
}

/** A configuration that cannot be used; its message is one line naming every bad variable and its value. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Every variable the configuration reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);
/** Variables of other tools that the processes also read (not ours to warn about). */
const FOREIGN_VARIABLES = new Set(["APOLLO_TELEMETRY_DISABLED"]);
/** First words shared with the rest of the environment (NODE_OPTIONS, HOSTNAME, APOLLO_*): no prefix rule for them. */
const GENERIC_PREFIXES = new Set(["NODE", "HOST", "LOG", "DATA", "APOLLO", "REDIS"]);

/**
 * Warnings for variables that look like the project's but are not read (a typo such as MAX_DEPHT
 * would otherwise be ignored silently): those sharing a first word that only the project uses
 * (MAX_, GATEWAY_, INCIDENT_, ...), or within two edits of a known name of 8 characters or more.
 * Each names the closest known variable.
 */
export function unknownVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  const known = new Set(CONFIG_VARIABLES);
  const prefixes = new Set(CONFIG_VARIABLES.map((name) => name.split("_")[0] ?? "").filter((prefix) => !GENERIC_PREFIXES.has(prefix)));
  const warnings: string[] = [];
  for (const name of Object.keys(env)) {
    if (known.has(name) || FOREIGN_VARIABLES.has(name) || name.startsWith("OTEL_")) continue;
    const closest = closestMatch(name, CONFIG_VARIABLES as string[]);
    const near = closest !== undefined && name.length >= 8 && distance(name, closest) <= 2;
    if (!near && !prefixes.has(name.split("_")[0] ?? "")) continue;
    warnings.push(`${name} is not a conflict-graph setting and is ignored; did you mean ${closest}? (see .env.example)`);
  }
  return warnings;
}

/**
 * Reads and validates the configuration. Throws one ConfigError listing every bad variable with its
 * value, so a mistyped port fails at start-up with its name instead of somewhere later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}. Fix the variable (see .env.example) and start again.`);
  }
  const e = parsed.data;
  if (Boolean(e.APOLLO_KEY) !== Boolean(e.APOLLO_GRAPH_REF)) {
    throw new ConfigError("Invalid configuration: APOLLO_KEY and APOLLO_GRAPH_REF report to Apollo Studio together: set both, or neither.");
  }
  if (e.JWT_SECRET && e.JWT_JWKS_FILE) {
    throw new ConfigError("Invalid configuration: JWT_SECRET (HS256) and JWT_JWKS_FILE (public keys) both verify tokens: set one of them.");
  }
  if (e.JWT_SECRET && e.JWT_SECRET.length < 32) {
    throw new ConfigError(
      "Invalid configuration: JWT_SECRET is shorter than 32 characters; use a random secret of at least 32 characters (256 bits for HS256).",
    );
  }
  const subgraph = (name: SubgraphName, listenPort: number, url: string | undefined, databaseUrl: string | undefined): SubgraphConfig => ({
    name,
    host: e.HOST,
    port: listenPort,
    url: url ?? `http://${e.HOST}:${listenPort}/graphql`,
    databaseUrl,
  });
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    gatewayPort: e.GATEWAY_PORT,
    dataDir: e.DATA_DIR,
    migrate: e.MIGRATE === "" ? (e.NODE_ENV === "production" ? "refuse" : "auto") : e.MIGRATE,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    deduplicateFetches: e.DEDUPLICATE_FETCHES === "true",
    cache: {
      responses: e.RESPONSE_CACHE === "true",
      maxEntries: e.RESPONSE_CACHE_MAX_ENTRIES,
      ttlSeconds: e.RESPONSE_CACHE_TTL_S,
      admitAfter: e.RESPONSE_CACHE_ADMIT_AFTER,
      admitWindow: e.RESPONSE_CACHE_ADMIT_WINDOW,
      redisUrl: e.REDIS_URL || undefined,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
    },
    maxPageSize: e.MAX_PAGE_SIZE,
    operationLimits: {
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxRootFields: e.MAX_ROOT_FIELDS,
      maxDirectives: e.MAX_DIRECTIVES,
      maxTokens: e.MAX_TOKENS,
      maxCost: e.MAX_COST,
      maxListItems: e.MAX_LIST_ITEMS,
      maxFields: e.MAX_FIELDS,
    },
    maxBody: e.MAX_BODY.toLowerCase(),
    maxEntities: e.MAX_ENTITIES,
    gatewaySecret: e.GATEWAY_SECRET === "" ? undefined : e.GATEWAY_SECRET,
    auth: {
      secret: e.JWT_SECRET || undefined,
      jwksFile: e.JWT_JWKS_FILE || undefined,
      issuer: e.JWT_ISSUER || undefined,
      audience: e.JWT_AUDIENCE || undefined,
    },
    importToken: e.IMPORT_TOKEN || undefined,
    introspection: e.INTROSPECTION === "" ? e.NODE_ENV !== "production" : e.INTROSPECTION === "true",
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    // A request holds its slot at most about one subgraph timeout per fetch; twice that with nothing
    // admitted means the queue no longer moves.
    admission: { maxInFlight: e.MAX_IN_FLIGHT, maxQueued: e.MAX_QUEUED, stallLimitMs: e.LIVENESS_STALL_MS ?? 2 * e.SUBGRAPH_TIMEOUT_MS },
    requestReadTimeoutMs: e.REQUEST_READ_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    corsOrigins:
      e.CORS_ORIGINS.trim() === ""
        ? undefined
        : e.CORS_ORIGINS.split(",")
            .map((origin) => origin.trim())
            .filter(Boolean),
    explorer: e.EXPLORER,
    trustedDocuments: e.TRUSTED_DOCUMENTS.trim() === "" ? undefined : e.TRUSTED_DOCUMENTS.trim(),
    trustedDocumentsOnly:
      e.TRUSTED_DOCUMENTS_ONLY === "" ? e.NODE_ENV === "production" && e.TRUSTED_DOCUMENTS.trim() !== "" : e.TRUSTED_DOCUMENTS_ONLY === "true",
    apollo:
      e.APOLLO_KEY && e.APOLLO_GRAPH_REF
        ? { key: e.APOLLO_KEY, graphRef: e.APOLLO_GRAPH_REF, usageReportingEndpoint: e.APOLLO_USAGE_REPORTING_ENDPOINT }
        : undefined,
    tracing: { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME || undefined },
    subgraphs: {
      incident: subgraph("incident", e.INCIDENT_PORT, e.INCIDENT_URL, e.INCIDENT_DATABASE_URL),
      actor: subgraph("actor", e.ACTOR_PORT, e.ACTOR_URL, e.ACTOR_DATABASE_URL),
      statement: subgraph("statement", e.STATEMENT_PORT, e.STATEMENT_URL, e.STATEMENT_DATABASE_URL),
    },
  };
}
