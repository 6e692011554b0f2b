import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../subgraphs/lib/paths";

// SIGTERM under load, against the real entry point (`node dist/gateway/main.js`, as `npm start` runs
// it): no request that reached the server is dropped, and the process exits 0.

const QUERY = JSON.stringify({
  query: `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title participants { actor { name } } statements { text speaker { name } } } }`,
});

/** One request on its own connection: resolves to the HTTP status, or to the network error's code. */
function once(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(QUERY) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "response error"));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "request error"));
    req.end(QUERY);
  });
}

describe("graceful shutdown", () => {
  let child: ChildProcess;
  let dataDir: string;
  beforeAll(() => {
    execFileSync("npx", ["tsc", "-p", "."], { cwd: projectRoot(), stdio: "ignore" });
    dataDir = mkdtempSync(join(tmpdir(), "shutdown-"));
  }, 180_000);
  afterAll(() => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("finishes in-flight requests on SIGTERM, then closes the databases and exits 0", async () => {
    child = spawn(process.execPath, ["dist/gateway/main.js"], {
      cwd: projectRoot(),
      env: {
        ...process.env,
        GATEWAY_PORT: "0",
        INCIDENT_PORT: "0",
        ACTOR_PORT: "0",
        STATEMENT_PORT: "0",
        DATA_DIR: dataDir,
        LOG_LEVEL: "info",
        NODE_ENV: "production",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /gateway ready at (http:\/\/[^"\s]+)/.exec(output);
        if (ready?.[1]) resolve(ready[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited early (${code}): ${output}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // 20 clients in a loop; the signal comes while requests are in flight.
    let signalledAt = Number.POSITIVE_INFINITY;
    const results: { startedAt: number; outcome: number | string }[] = [];
    const clients = Array.from({ length: 20 }, async () => {
      while (Date.now() < signalledAt + 200) {
        const startedAt = Date.now();
        const outcome = await once(url);
        results.push({ startedAt, outcome });
        if (typeof outcome === "string") break;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    signalledAt = Date.now();
    child.kill("SIGTERM");
    await Promise.all(clients);
    expect(await exited).toBe(0);

    const before = results.filter((result) => result.startedAt < signalledAt);
    // Every client had a request out before the signal (on a loaded machine, maybe only its first).
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.filter((result) => result.outcome !== 200)).toEqual([]);
    // After the signal, a request is served, or its connection is refused or reset before the server
    // read it (a load balancer retries those); never a 5xx.
    const after = results.filter((result) => result.startedAt >= signalledAt);
    expect(after.filter((result) => ![200, "ECONNREFUSED", "ECONNRESET"].includes(result.outcome))).toEqual([]);
    expect(output).toMatch(/shutting down/);
  }, 60_000);
});
