import type { IncomingMessage } from "node:http";
import { SubgraphTimeoutError, subgraphFetcher } from "../gateway/subgraph-client";
import { fakeSubgraph } from "./support/subgraph";

// The gateway's HTTP client for subgraphs (what Apollo's RemoteGraphQLDataSource calls as `fetch`):
// the body and headers arrive, the answer reads as a Fetch response, connections are kept alive, and
// a subgraph that never answers fails the call with a timeout rather than hanging it.

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => resolve(text));
  });
}

describe("subgraph client", () => {
  it("POSTs the body with its headers and reads status, headers and JSON", async () => {
    const ports = new Set<number>();
    const subgraph = await fakeSubgraph(async (request, response) => {
      ports.add(request.socket.remotePort ?? 0);
      const body = await readBody(request);
      response.writeHead(200, { "content-type": "application/json", "x-seen": String(request.headers["x-gateway-secret"]) });
      response.end(JSON.stringify({ data: { echo: JSON.parse(body), method: request.method } }));
    });
    try {
      const fetcher = subgraphFetcher(5000);
      for (let i = 0; i < 3; i++) {
        const response = await fetcher(subgraph.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-gateway-secret": "s" },
          body: `{"query":"{ n${i} }"}`,
        });
        expect(response.ok).toBe(true);
        expect(response.status).toBe(200);
        expect(response.headers.get("Content-Type")).toBe("application/json");
        expect(response.headers.get("x-seen")).toBe("s");
        expect(await response.json()).toEqual({ data: { echo: { query: `{ n${i} }` }, method: "POST" } });
      }
      // Sequential calls reuse one kept-alive connection.
      expect(ports.size).toBe(1);
    } finally {
      await subgraph.close();
    }
  });

  it("reads a non-2xx answer as such (the data source turns it into an error)", async () => {
    const subgraph = await fakeSubgraph((_request, response) => {
      response.writeHead(503, { "content-type": "text/plain" });
      response.end("down");
    });
    try {
      const response = await subgraphFetcher(5000)(subgraph.url, { method: "POST", body: "{}" });
      expect(response.ok).toBe(false);
      expect(response.status).toBe(503);
      expect(response.statusText).toBe("Service Unavailable");
      expect(await response.text()).toBe("down");
    } finally {
      await subgraph.close();
    }
  });

  it("sends a call again on a new connection when a kept-alive one is reset under it", async () => {
    // Plays a subgraph closing an idle kept-alive connection just as the next request goes out.
    const sockets = new Map<unknown, number>();
    const subgraph = await fakeSubgraph((request, response) => {
      const served = sockets.get(request.socket) ?? 0;
      sockets.set(request.socket, served + 1);
      if (served === 1) {
        request.socket.destroy();
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"data":{"ok":true}}');
    });
    try {
      const fetcher = subgraphFetcher(5000);
      expect(await (await fetcher(subgraph.url, { method: "POST", body: "{}" })).json()).toEqual({ data: { ok: true } });
      expect(await (await fetcher(subgraph.url, { method: "POST", body: "{}" })).json()).toEqual({ data: { ok: true } });
      expect(sockets.size).toBe(2);
    } finally {
      await subgraph.close();
    }
  });

  it("fails a call the subgraph never answers with a timeout", async () => {
    const subgraph = await fakeSubgraph(() => undefined);
    try {
      const call = subgraphFetcher(200)(subgraph.url, { method: "POST", body: "{}" });
      await expect(call).rejects.toBeInstanceOf(SubgraphTimeoutError);
      await expect(call).rejects.toMatchObject({ name: "TimeoutError" });
    } finally {
      await subgraph.close();
    }
  });

  it("gives one call a shorter deadline than the fetcher's when asked (the data-version GET)", async () => {
    const subgraph = await fakeSubgraph(() => undefined);
    try {
      const started = Date.now();
      const call = subgraphFetcher(30_000)(subgraph.url, { method: "GET" }, 150);
      await expect(call).rejects.toBeInstanceOf(SubgraphTimeoutError);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await subgraph.close();
    }
  });

  it("fails a call to a port nobody listens on as unreachable", async () => {
    const subgraph = await fakeSubgraph(() => undefined);
    const url = subgraph.url;
    await subgraph.close();
    await expect(subgraphFetcher(5000)(url, { method: "POST", body: "{}" })).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
