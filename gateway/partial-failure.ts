import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/** The code `subgraphUnavailable` gives the error of a subgraph that cannot be reached. */
const UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/**
 * The errors a client should see: one `SUBGRAPH_UNAVAILABLE` per unavailable subgraph, in the order
 * they came, and every other error as it was. @apollo/gateway reports one error per failed fetch, so a
 * subgraph the plan visits three times gives three identical errors. (It sends no "Cannot return
 * null" errors for the fields of a failed fetch: test/partial-failure.test.ts checks each outage has
 * exactly one error, so any other error is real and kept.)
 */
export function collapseUnavailable(errors: readonly GraphQLFormattedError[]): readonly GraphQLFormattedError[] {
  const reported = new Set<unknown>();
  return errors.filter((error) => {
    if (error.extensions?.code !== UNAVAILABLE) return true;
    const first = !reported.has(error.extensions.serviceName);
    reported.add(error.extensions.serviceName);
    return first;
  });
}

/**
 * Makes partial failure read as partial: collapses the gateway's errors with `collapseUnavailable`
 * before the response is sent, so the client learns once which subgraph is down.
 */
export function partialFailurePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = collapseUnavailable(response.body.singleResult.errors);
        },
      };
    },
  };
}
