// Hive Gateway (The Guild), as a peer in the benchmark: `@graphql-hive/gateway-runtime` serving the
// committed supergraph unchanged, with its JavaScript query planner, or with `--rust` the Rust planner of
// `@graphql-hive/router-runtime`. It reaches the same subgraph processes as the other setups, sending
// the subgraphs' secret. Run by the benchmark as a child process: PORT, INCIDENT_URL, ACTOR_URL,
// STATEMENT_URL, GATEWAY_SECRET.
import "./env";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { projectRoot } from "../subgraphs/lib/paths";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const secret = required("GATEWAY_SECRET");
const subgraph = (urlVariable: string) => ({ location: required(urlVariable), headers: [["x-gateway-secret", secret]] as [string, string][] });
const runtime = createGatewayRuntime({
  supergraph: readFileSync(join(projectRoot(), "schema", "supergraph.graphql"), "utf8"),
  transportEntries: { incident: subgraph("INCIDENT_URL"), actor: subgraph("ACTOR_URL"), statement: subgraph("STATEMENT_URL") },
  ...(process.argv.includes("--rust") ? { unifiedGraphHandler } : {}),
  logging: "error",
});
const server = createServer(runtime);
server.listen(Number(required("PORT")), "127.0.0.1", () => console.log(`hive gateway ready (${process.argv.includes("--rust") ? "rust" : "js"} planner)`));
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
