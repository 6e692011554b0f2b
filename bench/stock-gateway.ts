// A stock Apollo Federation gateway, as the Apollo docs set it up: `IntrospectAndCompose` over the
// subgraph URLs, default `RemoteGraphQLDataSource`s, `@apollo/server`'s standalone HTTP server. No
// timeouts, metrics, logging or health routes: the baseline the project's gateway is compared with.
// Run by the benchmark as a child process: PORT, INCIDENT_URL, ACTOR_URL, STATEMENT_URL, and
// GATEWAY_SECRET, sent as the one header the production subgraphs require (as Apollo's docs propagate headers).
import "./env";
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: "incident", url: required("INCIDENT_URL") },
        { name: "actor", url: required("ACTOR_URL") },
        { name: "statement", url: required("STATEMENT_URL") },
      ],
    }),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
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
