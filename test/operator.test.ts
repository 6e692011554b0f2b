import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Cleanup, exitOf, freePort, healthReady, type Service, spawnService } from "../bench/processes";
import { projectRoot } from "../subgraphs/lib/paths";
import { post } from "./support/system";

// What an operator meets when starting the processes: `npm run start:distributed` (the four processes
// of the distributed layout, built once, stopped together), one-line errors naming the variable to
// change, warnings for misspelt variables, and builds that never run over each other.

const cleanup = new Cleanup();
const dataDir = mkdtempSync(join(tmpdir(), "conflict-graph-operator-"));
afterAll(async () => {
  await cleanup.run();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Whether something accepts connections on the port. */
async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

describe("npm run start:distributed", () => {
  let ports: number[];
  let launcher: Service;
  beforeAll(async () => {
    ports = [await freePort(), await freePort(), await freePort(), await freePort()];
    const [gateway, incident, actor, statement] = ports.map(String);
    launcher = spawnService(
      cleanup,
      "start:distributed",
      join("dist", "gateway", "distributed.js"),
      [],
      {
        DATA_DIR: dataDir,
        GATEWAY_PORT: gateway!,
        INCIDENT_PORT: incident!,
        ACTOR_PORT: actor!,
        STATEMENT_PORT: statement!,
        GATEWAY_SECRET: "",
        LOG_LEVEL: "info",
      },
      `http://127.0.0.1:${gateway}`,
    );
    await healthReady(launcher);
  });

  it("runs the three subgraphs and the gateway as four processes sharing a secret", async () => {
    const answer = await post(launcher.url, `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title participants { actor { name } } statements { text } } }`);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.incident.title).toMatch(/embassy/i);
    expect(answer.body.data.incident.statements.length).toBeGreaterThan(0);
    // The subgraphs are protected by the secret made for this run.
    const direct = await post(`http://127.0.0.1:${ports[1]}/graphql`, "{ __typename }");
    expect(direct.status).toBe(401);
    const { stdout } = await promisify(execFile)("ps", ["-o", "pid=", "--ppid", String(launcher.child.pid)]);
    expect(stdout.trim().split("\n")).toHaveLength(4);
  });

  it("stops all four on Ctrl-C (SIGINT) and exits 0", async () => {
    launcher.child.kill("SIGINT");
    expect(await exitOf(launcher)).toBe(0);
    for (const port of ports) expect(await listening(port)).toBe(false);
  });
});

describe("start-up errors an operator can act on", () => {
  it("names an invalid variable and its value in one line, without a stack trace", async () => {
    const gateway = spawnService(cleanup, "gateway", join("dist", "gateway", "main.js"), [], { GATEWAY_PORT: "40x0", DATA_DIR: dataDir }, "http://127.0.0.1:1");
    expect(await exitOf(gateway)).toBe(1);
    const lines = gateway.output().split("\n");
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0]!) as { msg: string }).msg).toBe(
      'could not start the gateway: Invalid configuration: GATEWAY_PORT="40x0": must be a port number from 0 to 65535. Fix the variable (see .env.example) and start again.',
    );
  });

  it("names the port variable when the port is taken, for the gateway and for a subgraph", async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = String((busy.address() as { port: number }).port);
    try {
      const subgraph = spawnService(
        cleanup,
        "actor",
        join("dist", "subgraphs", "actor", "main.js"),
        [],
        { ACTOR_PORT: port, DATA_DIR: dataDir },
        "http://127.0.0.1:1",
      );
      expect(await exitOf(subgraph)).toBe(1);
      expect(subgraph.output()).toMatch(
        new RegExp(`could not start the actor subgraph: Port ${port} on 127.0.0.1 is already in use: .* set ACTOR_PORT to a free port`),
      );
      expect(subgraph.output()).not.toMatch(/\n\s+at /);
      const gateway = spawnService(
        cleanup,
        "gateway",
        join("dist", "gateway", "main.js"),
        ["--in-process"],
        { GATEWAY_PORT: port, DATA_DIR: dataDir },
        "http://127.0.0.1:1",
      );
      expect(await exitOf(gateway)).toBe(1);
      expect(gateway.output()).toMatch(/set GATEWAY_PORT to a free port/);
    } finally {
      busy.close();
    }
  });

  it("warns about a misspelt variable, naming the one it resembles", async () => {
    const port = await freePort();
    const gateway = spawnService(
      cleanup,
      "gateway",
      join("dist", "gateway", "main.js"),
      ["--in-process"],
      { GATEWAY_PORT: String(port), DATA_DIR: dataDir, MAX_DEPHT: "3", LOG_LEVEL: "warn" },
      `http://127.0.0.1:${port}`,
    );
    await healthReady(gateway);
    expect(gateway.output()).toMatch(/MAX_DEPHT is not a conflict-graph setting and is ignored; did you mean MAX_DEPTH\?/);
    gateway.child.kill("SIGTERM");
    expect(await exitOf(gateway)).toBe(0);
  });
});

describe("npm run build", () => {
  it("runs one build at a time when started several times at once", async () => {
    const build = () => promisify(execFile)(process.execPath, [join(projectRoot(), "tools", "build.mjs")], { cwd: projectRoot() });
    const results = await Promise.all([build(), build(), build()]);
    // All three succeed; the two that found the lock taken waited for it.
    expect(results.filter((result) => result.stderr.includes("waiting for another build to finish")).length).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
