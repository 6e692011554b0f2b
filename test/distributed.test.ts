import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cleanup, exitOf, freePort, healthReady, type Service, spawnService } from "../bench/processes";
import { type HttpAnswer, send } from "./support/system";

// The distributed mode exactly as the README tells an operator to start it: each subgraph and the
// gateway as its own `node dist/...` process (what `npm run start:<name>` runs after building), in
// production. Found by the outside attack suite: these subgraphs ignored GATEWAY_SECRET, started
// without one in production, and answered anyone with introspection, suggestions and raw SQL errors.

const SECRET = "distributed-test-secret-0123456789";
const cleanup = new Cleanup();
const dataDir = mkdtempSync(join(tmpdir(), "conflict-graph-distributed-"));
const PORT_VARIABLE = { incident: "INCIDENT_PORT", actor: "ACTOR_PORT", statement: "STATEMENT_PORT" } as const;

/** Spawns `dist/subgraphs/<name>/main.js` in production with `env` on a free port. */
async function subgraphProcess(name: keyof typeof PORT_VARIABLE, env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  return spawnService(
    cleanup,
    `${name} subgraph`,
    join("dist", "subgraphs", name, "main.js"),
    [],
    {
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      GATEWAY_SECRET: "",
      MAX_ENTITIES: "50",
      MAX_BODY: "8kb",
      [PORT_VARIABLE[name]]: String(port),
      ...env,
    },
    `http://127.0.0.1:${port}`,
  );
}

/** POSTs `query` to a subgraph with the given headers. */
function postTo(service: Service, query: string, headers: Record<string, string> = {}, variables?: unknown): Promise<HttpAnswer> {
  return send(service.url, JSON.stringify({ query, variables }), { "content-type": "application/json", ...headers });
}

afterAll(async () => {
  await cleanup.run();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a distributed subgraph in production", () => {
  it("refuses to start without GATEWAY_SECRET, in one line that names the variable", async () => {
    const service = await subgraphProcess("statement", {});
    expect(await exitOf(service)).toBe(1);
    const lines = service.output().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/could not start the statement subgraph: GATEWAY_SECRET is not set/);
    expect(service.output()).not.toMatch(/\n\s+at /);
  });

  describe("with GATEWAY_SECRET", () => {
    const services: Partial<Record<"incident" | "actor" | "statement" | "gateway", Service>> = {};
    beforeAll(async () => {
      for (const name of ["incident", "actor", "statement"] as const) {
        services[name] = await subgraphProcess(name, { GATEWAY_SECRET: SECRET });
        await healthReady(services[name]);
      }
      const port = await freePort();
      services.gateway = spawnService(
        cleanup,
        "gateway",
        join("dist", "gateway", "main.js"),
        ["--gateway-only"],
        {
          NODE_ENV: "production",
          GATEWAY_SECRET: SECRET,
          GATEWAY_PORT: String(port),
          INCIDENT_URL: services.incident!.url,
          ACTOR_URL: services.actor!.url,
          STATEMENT_URL: services.statement!.url,
        },
        `http://127.0.0.1:${port}`,
      );
      await healthReady(services.gateway);
    });

    it("answers the gateway, which joins all three", async () => {
      const answer = await postTo(
        services.gateway!,
        `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title participants { actor { name } } statements { text speaker { name } } } }`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.incident.title).toMatch(/embassy/i);
      expect(answer.body.data.incident.participants.some((p: { actor: { name: string } | null }) => p.actor?.name)).toBe(true);
      expect(answer.body.data.incident.statements.length).toBeGreaterThan(0);
    });

    it.each([
      ["no secret", {}],
      ["a wrong secret", { "x-gateway-secret": "guess" }],
      ["a secret one character off", { "x-gateway-secret": SECRET.slice(0, -1) + "X" }],
      ["a secret one character short", { "x-gateway-secret": SECRET.slice(0, -1) }],
    ])("refuses a client with %s: 401 UNAUTHENTICATED, no data", async (_label, headers) => {
      for (const name of ["incident", "actor", "statement"] as const) {
        const answer = await postTo(services[name]!, `{ _service { sdl } }`, headers as Record<string, string>);
        expect(answer.status).toBe(401);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
        expect(answer.body.data).toBeUndefined();
      }
    });

    it("keeps the production error policy with the right secret: no introspection, no suggestions", async () => {
      const auth = { "x-gateway-secret": SECRET };
      const introspection = await postTo(services.statement!, `{ __schema { types { name } } }`, auth);
      expect(introspection.text).not.toContain("Statement");
      expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await postTo(services.statement!, `{ statment(id: "x") { id } }`, auth);
      expect(typo.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(typo.text).not.toMatch(/Did you mean/);
    });

    it("applies MAX_ENTITIES and MAX_BODY", async () => {
      const auth = { "x-gateway-secret": SECRET };
      const representations = Array.from({ length: 51 }, (_, i) => ({ __typename: "Statement", id: `s-${i}` }));
      const entities = await postTo(services.statement!, `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, auth, { r: representations });
      expect(entities.body.errors?.[0]?.extensions).toMatchObject({ code: "MAX_ENTITIES_EXCEEDED", allowed: 50, found: 51 });
      const big = await send(services.statement!.url, JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(10_000) } }), {
        "content-type": "application/json",
        ...auth,
      });
      expect(big.status).toBe(413);
      expect(big.body.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    });

    it("stops on SIGTERM with exit code 0", async () => {
      const service = services.actor!;
      service.child.kill("SIGTERM");
      expect(await exitOf(service)).toBe(0);
    });
  });
});
