import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { SUBGRAPHS } from "../../subgraphs";
import type { SubgraphName } from "../../subgraphs/lib/config";
import type { RunningService } from "../../subgraphs/lib/http";
import { openSubgraphDatabase, startSubgraph, type StartSubgraphOptions } from "../../subgraphs/lib/start-subgraph";

/** Starts one subgraph on its own (as `npm run start:<name>` does), on a fresh seeded SQLite file. */
export async function startOneSubgraph(name: SubgraphName, port = 0, options: Partial<StartSubgraphOptions> = {}): Promise<RunningService> {
  const dataDir = mkdtempSync(join(tmpdir(), `subgraph-${name}-`));
  const module = SUBGRAPHS[name];
  const db = await openSubgraphDatabase(module, { dataDir });
  const service = await startSubgraph(module, { host: "127.0.0.1", port, db, logger: pino({ level: "silent" }), closeDatabaseOnStop: true, ...options });
  return {
    ...service,
    async stop() {
      await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A TCP port nothing listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** A fake subgraph: answers every request with `handler`, to play a broken service. */
export async function fakeSubgraph(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
