import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { InProcessSubgraph } from "../gateway/data-sources";

// `npm run start:local` calls the subgraphs in-process; SUBGRAPH_TIMEOUT_MS holds there too, so a slow
// subgraph (a slow query) yields SUBGRAPH_UNAVAILABLE for its fields instead of holding the request.
describe("an in-process subgraph", () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        fast: { type: GraphQLString, resolve: () => "fast" },
        slow: { type: GraphQLString, resolve: () => new Promise((resolve) => setTimeout(() => resolve("slow"), 2_000)) },
      },
    }),
  });
  const subgraph = new InProcessSubgraph({ name: "incident", schema, createContext: () => ({}), timeoutMs: 200, dataVersion: async () => 0 });
  const run = (query: string) => subgraph.process({ request: { query } } as GraphQLDataSourceProcessOptions);

  it("answers within its deadline", async () => {
    expect(await run("{ fast }")).toEqual({ data: { fast: "fast" } });
  });

  it("gives up after SUBGRAPH_TIMEOUT_MS with SUBGRAPH_UNAVAILABLE naming the subgraph", async () => {
    const started = Date.now();
    await expect(run("{ slow }")).rejects.toMatchObject({
      message: expect.stringContaining("no answer within 200 ms"),
      extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "incident" },
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
