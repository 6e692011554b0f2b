// A stock Apollo Federation gateway, as the Apollo docs set it up: a static supergraph, default
// `RemoteGraphQLDataSource`s, `@apollo/server`'s standalone HTTP server. No timeouts, metrics, logging
// or health routes: the baseline the project's gateway is compared with. The supergraph is the
// committed one without its security features: `IntrospectAndCompose` composes the subgraphs'
// `@authenticated`/`@requiresScopes` into `for: SECURITY` links that ApolloGateway 2.14 refuses to load
// (see gateway/supergraph.ts), so the docs' set-up cannot start on these subgraphs.
// Run by the benchmark as a child process: PORT, INCIDENT_URL, ACTOR_URL, STATEMENT_URL, and
// GATEWAY_SECRET, sent as the one header the production subgraphs require (as Apollo's docs propagate headers).
import "./env";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readSupergraph, withoutSecurityFeatures } from "../gateway/supergraph";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: withoutSecurityFeatures(readSupergraph()),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: required(`${name.toUpperCase()}_URL`),
        willSendRequest({ request }) {
          request.http?.headers.set("x-gateway-secret", required("GATEWAY_SECRET"));
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(required("PORT")), host: "127.0.0.1" } });
  console.log(`stock gateway ready at ${url}`);
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
