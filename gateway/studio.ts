import type { ApolloConfigInput, ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloServerPluginUsageReportingDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginUsageReporting } from "@apollo/server/plugin/usageReporting";
import type { Config } from "../subgraphs/lib/config";

/** Apollo Studio settings as the configuration reads them (APOLLO_KEY, APOLLO_GRAPH_REF, APOLLO_USAGE_REPORTING_ENDPOINT). */
export type StudioReporting = NonNullable<Config["apollo"]>;

/**
 * `@apollo/gateway` sends anonymous usage telemetry to Apollo from its constructor unless
 * APOLLO_TELEMETRY_DISABLED is "1" or "true" (node_modules/@apollo/gateway/dist/index.js). We make it
 * opt-in: unless the operator set the variable (APOLLO_TELEMETRY_DISABLED=false to opt in), it is set.
 */
export function anonymousTelemetryOptIn(env: NodeJS.ProcessEnv = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED ??= "1";
}

/**
 * What the gateway's Apollo Server needs for Apollo Studio: with a key and graph ref, usage reporting
 * with federated traces (the gateway then asks sampled subgraph fetches for `ftv1` traces, and only
 * those); without, reporting explicitly off, so a stray APOLLO_KEY in the environment reports nothing.
 * Variable values and headers are never sent.
 */
export function studioReporting(studio: StudioReporting | undefined): { apollo?: ApolloConfigInput; plugins: ApolloServerPlugin<BaseContext>[] } {
  if (!studio) return { plugins: [ApolloServerPluginUsageReportingDisabled()] };
  return {
    apollo: { key: studio.key, graphRef: studio.graphRef },
    plugins: [
      ApolloServerPluginUsageReporting({
        endpointUrl: studio.usageReportingEndpoint,
        sendVariableValues: { none: true },
        sendHeaders: { none: true },
      }),
    ],
  };
}
