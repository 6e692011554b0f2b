import type { IncomingMessage } from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { getOperationAST } from "graphql";
import { Counter, Histogram, type Registry } from "prom-client";
import { observationOf } from "./access-log";

/**
 * Error codes that get a label of their own; any other code counts as `OTHER`. Codes come from
 * subgraphs and from plugins as well as from us, so the list is closed here rather than trusted.
 */
export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set([
  "BAD_REQUEST",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "PERSISTED_QUERY_HASH_MISMATCH",
  "PERSISTED_QUERY_VERSION_NOT_SUPPORTED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "INTERNAL_SERVER_ERROR",
  "DOWNSTREAM_SERVICE_ERROR",
  "SUBGRAPH_UNAVAILABLE",
  "SERVER_BUSY",
  "MAX_DEPTH_EXCEEDED",
  "MAX_ALIASES_EXCEEDED",
  "MAX_ROOT_FIELDS_EXCEEDED",
  "MAX_DIRECTIVES_EXCEEDED",
  "MAX_TOKENS_EXCEEDED",
  "MAX_FIELDS_EXCEEDED",
  "MAX_COST_EXCEEDED",
  "MAX_LIST_ITEMS_EXCEEDED",
  "MAX_ENTITIES_EXCEEDED",
]);

/** How many distinct operation names get a label of their own (per service), by default. */
export const DEFAULT_MAX_OPERATION_NAMES = 100;

/** A name worth a label: a GraphQL name of at most 64 characters (longer or odd ones are `other`). */
const LABELLED_NAME = /^[A-Za-z_]\w{0,63}$/;

/**
 * Per-operation Prometheus metrics with label values that clients cannot grow: operation names are
 * the first `maxNames` distinct names this service saw (kept for its lifetime, so a series never
 * changes meaning), `anonymous` without a name and `other` beyond; error codes come from
 * `KNOWN_ERROR_CODES`, else `OTHER`. Labelled raw, an attack suite grew /metrics to 11 MB.
 */
export class OperationMetrics {
  private readonly names = new Set<string>();
  readonly duration = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "GraphQL operations: time from request received to response sent, by operation name (bounded) and HTTP status.",
    labelNames: ["operation", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });
  readonly errors = new Counter({
    name: "graphql_operation_errors_total",
    help: "Errors in GraphQL responses, by operation name (bounded) and error code (a fixed list, else OTHER).",
    labelNames: ["operation", "code"],
    registers: [],
  });

  constructor(private readonly maxNames = DEFAULT_MAX_OPERATION_NAMES) {}

  /** Adds these metrics to a service's registry. */
  register(registry: Registry): void {
    registry.registerMetric(this.duration);
    registry.registerMetric(this.errors);
  }

  /** The label for an operation name: itself if kept (or room is left), `anonymous` or `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return "anonymous";
    if (this.names.has(name)) return name;
    if (!LABELLED_NAME.test(name) || this.names.size >= this.maxNames) return "other";
    this.names.add(name);
    return name;
  }

  /** Records one finished operation and the codes of its errors. */
  record(operation: string | null | undefined, status: string, seconds: number, errorCodes: readonly (string | undefined)[]): void {
    const label = this.operationLabel(operation);
    this.duration.observe({ operation: label, status }, seconds);
    for (const code of errorCodes) this.errors.inc({ operation: label, code: code && KNOWN_ERROR_CODES.has(code) ? code : "OTHER" });
  }
}

/**
 * Times every GraphQL operation into `metrics` and notes its name on the request's observation (for
 * the access log). The name is the resolved operation's, else the one in the document (an operation
 * that failed validation), else the client's `operationName`. Goes after the error policy plugin, so
 * that it counts the codes and status clients receive.
 */
export function operationMetricsPlugin(
  metrics: OperationMetrics,
  requestOf: (context: BaseContext) => IncomingMessage | undefined,
): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const request = requestOf(contextValue);
      return {
        async didResolveOperation({ operationName }) {
          if (request && operationName) observationOf(request).operation = operationName;
        },
        async willSendResponse({ operationName, document, request: graphqlRequest, response }) {
          const name = operationName ?? (document && getOperationAST(document, graphqlRequest.operationName)?.name?.value) ?? graphqlRequest.operationName;
          if (request && name) observationOf(request).operation = name;
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((error) => (typeof error.extensions?.code === "string" ? error.extensions.code : undefined));
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.record(name, String(response.http.status ?? 200), seconds, codes);
        },
      };
    },
  };
}
