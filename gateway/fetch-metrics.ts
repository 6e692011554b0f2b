import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { Counter, Histogram, type Registry } from "prom-client";
import { observationOf } from "../subgraphs/lib/access-log";
import { gatewayContextOf } from "./context";
import { type SubgraphSource, SubgraphUnavailable } from "./data-sources";

/**
 * Per-subgraph fetch metrics of the gateway. Label values are the configured subgraph names and a
 * fixed list of reasons (`SubgraphUnavailable.kind`, or `graphql_errors` for an answer with
 * errors), so nothing a client sends can add a series.
 */
export class SubgraphFetchMetrics {
  readonly duration = new Histogram({
    name: "subgraph_fetch_duration_seconds",
    help: "Gateway calls to a subgraph, by subgraph: time until its answer or its failure.",
    labelNames: ["subgraph"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [],
  });
  readonly errors = new Counter({
    name: "subgraph_fetch_errors_total",
    help: "Gateway calls to a subgraph that failed (timeout, unreachable, http_status, invalid_response, request_failed) or answered with errors (graphql_errors).",
    labelNames: ["subgraph", "reason"],
    registers: [],
  });

  /** Adds these metrics to the gateway's registry. */
  register(registry: Registry): void {
    registry.registerMetric(this.duration);
    registry.registerMetric(this.errors);
  }
}

/**
 * Wraps a subgraph source so that each call is timed into `metrics` and noted on the request's
 * observation (name and duration, for the access log), whatever the kind of source.
 */
export function observeFetches(source: SubgraphSource, metrics: SubgraphFetchMetrics): SubgraphSource {
  return {
    name: source.name,
    check: () => source.check(),
    dataVersion: () => source.dataVersion(),
    async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
      const started = process.hrtime.bigint();
      let failure: string | undefined;
      try {
        const response = await source.process(options);
        if (response.errors?.length) metrics.errors.inc({ subgraph: source.name, reason: (failure = "graphql_errors") });
        return response;
      } catch (error) {
        failure = error instanceof SubgraphUnavailable ? error.kind : "request_failed";
        metrics.errors.inc({ subgraph: source.name, reason: failure });
        throw error;
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.duration.observe({ subgraph: source.name }, seconds);
        const context = gatewayContextOf(options);
        if (context) observationOf(context.request).subgraphs.push({ name: source.name, durationMs: Math.round(seconds * 10_000) / 10, failure });
      }
    },
  };
}
