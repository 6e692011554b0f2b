import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/** The code `subgraphUnavailable` gives the error of a subgraph that cannot be reached. */
const UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/** How graphql-js and the gateway's result shaping word a null that reached a non-null field. */
const NULL_IN_NON_NULL = /^Cannot return null for non-nullable /;

/**
 * The errors a client should see: one `SUBGRAPH_UNAVAILABLE` per unavailable subgraph, in the order
 * they came, and every other error as it was. @apollo/gateway reports one error per failed fetch, so a
 * subgraph the plan visits three times gives three identical errors; and the fields of entities it
 * failed to fetch can come back as the gateway's own "Cannot return null" errors (no `serviceName`),
 * which only restate that outage. A "Cannot return null" a working subgraph reports itself is kept.
 */
export function collapseUnavailable(errors: readonly GraphQLFormattedError[]): readonly GraphQLFormattedError[] {
  const unavailable = new Set<unknown>();
  for (const error of errors) if (error.extensions?.code === UNAVAILABLE) unavailable.add(error.extensions.serviceName);
  if (unavailable.size === 0) return errors;
  const reported = new Set<unknown>();
  return errors.filter((error) => {
    if (error.extensions?.code === UNAVAILABLE) {
      const first = !reported.has(error.extensions.serviceName);
      reported.add(error.extensions.serviceName);
      return first;
    }
    const consequence = NULL_IN_NON_NULL.test(error.message) && (error.extensions?.serviceName === undefined || unavailable.has(error.extensions.serviceName));
    return !consequence;
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
