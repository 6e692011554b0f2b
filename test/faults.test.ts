import type { RunningService } from "../subgraphs/lib/http";
import { fakeSubgraph, freePort, startOneSubgraph } from "./support/subgraph";
import { type HttpAnswer, startTestSystem, type TestSystem } from "./support/system";

// The query needs all three subgraphs: incident (root), actor (names), statement (statements).
const QUERY = `{ incident(id: "inc-2023-12-08-baghdad-embassy") { title participants { actor { name } } statements { text } } }`;

describe("a subgraph that is down", () => {
  let incident: RunningService;
  let statement: RunningService;
  let actor: RunningService | undefined;
  let gateway: TestSystem;
  let actorPort: number;

  beforeAll(async () => {
    [incident, statement, actorPort] = await Promise.all([startOneSubgraph("incident"), startOneSubgraph("statement"), freePort()]);
    gateway = await startTestSystem("gateway-only", {
      INCIDENT_URL: incident.url,
      STATEMENT_URL: statement.url,
      ACTOR_URL: `http://127.0.0.1:${actorPort}/graphql`,
      SUBGRAPH_TIMEOUT_MS: "2000",
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([incident?.stop(), statement?.stop(), actor?.stop()]);
  });

  it("at gateway start: logs which subgraph does not answer and how to start it, and keeps running", () => {
    const warning = gateway.logs.find((line) => line.includes('subgraph \\"actor\\"'));
    expect(warning).toBeDefined();
    expect(warning).toContain("npm run start:actor");
  });

  it("serves the other subgraphs' fields, with a SUBGRAPH_UNAVAILABLE error naming the subgraph and no internal URL", async () => {
    const answer = await gateway.query(QUERY);
    expect(answer.status).toBe(200);
    expect(answer.body.data.incident.title).toMatch(/embassy/i);
    expect(answer.body.data.incident.statements.length).toBeGreaterThan(0);
    const error = answer.body.errors?.find((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
    expect(error?.extensions?.serviceName).toBe("actor");
    expect(error?.message).toContain("actor subgraph is unavailable");
    expect(answer.text).not.toContain(String(actorPort));
    expect(answer.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it("reports not ready while a subgraph is down", async () => {
    const response = await fetch(new URL("/health/ready", gateway.url));
    expect(response.status).toBe(503);
    const live = await fetch(new URL("/health/live", gateway.url));
    expect(live.status).toBe(200);
  });

  it("serves everything once the subgraph starts, without restarting the gateway", async () => {
    actor = await startOneSubgraph("actor", actorPort);
    const answer = await gateway.query(QUERY);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.incident.participants.every((p: { actor: { name: string } }) => p.actor.name.length > 0)).toBe(true);
    expect((await fetch(new URL("/health/ready", gateway.url))).status).toBe(200);
  });

  it("goes back to partial data when the subgraph is killed mid-run, and later requests still work", async () => {
    await actor?.stop();
    actor = undefined;
    const partial = await gateway.query(QUERY);
    expect(partial.body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "actor" });
    const unaffected = await gateway.query(`{ incident(id: "inc-2023-12-08-baghdad-embassy") { title } }`);
    expect(unaffected.body).toEqual({ data: { incident: { title: expect.any(String) } } });
  });
});

/** A proxy to a real subgraph that waits `delayMs` before forwarding each request. */
async function slowProxy(target: string, delayMs: number) {
  return fakeSubgraph((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      setTimeout(() => {
        fetch(target, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) })
          .then(async (answer) => {
            response.writeHead(answer.status, { "content-type": "application/json" });
            response.end(await answer.text());
          })
          .catch(() => response.destroy());
      }, delayMs);
    });
  });
}

describe("a subgraph that misbehaves", () => {
  const TIMEOUT_MS = 600;
  let incident: RunningService;
  let statement: RunningService;
  let actor: RunningService;
  beforeAll(async () => {
    [incident, statement, actor] = await Promise.all([startOneSubgraph("incident"), startOneSubgraph("statement"), startOneSubgraph("actor")]);
  });
  afterAll(async () => {
    await Promise.all([incident?.stop(), statement?.stop(), actor?.stop()]);
  });

  /** Starts a gateway whose actor subgraph is `actorUrl`, runs QUERY, and returns the answer and its time. */
  async function withActorAt(actorUrl: string) {
    const gateway = await startTestSystem("gateway-only", {
      INCIDENT_URL: incident.url,
      STATEMENT_URL: statement.url,
      ACTOR_URL: actorUrl,
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    try {
      const started = Date.now();
      const answer = await gateway.query(QUERY);
      const elapsed = Date.now() - started;
      const after = await gateway.query(`{ incident(id: "inc-2023-12-08-baghdad-embassy") { title } }`);
      return { answer, elapsed, after };
    } finally {
      await gateway.stop();
    }
  }

  /** Partial data from the healthy subgraphs, one SUBGRAPH_UNAVAILABLE error for actor, nothing leaked. */
  function expectPartial(answer: HttpAnswer, reason: RegExp) {
    expect(answer.status).toBe(200);
    expect(answer.body.data.incident.title).toMatch(/embassy/i);
    expect(answer.body.data.incident.statements.length).toBeGreaterThan(0);
    const error = answer.body.errors?.find((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE");
    expect(error?.extensions?.serviceName).toBe("actor");
    expect(error?.message).toMatch(reason);
    expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stacktrace/);
  }

  it("that hangs: answers within the timeout with partial data", async () => {
    const hung = await fakeSubgraph(() => undefined);
    try {
      const { answer, elapsed, after } = await withActorAt(hung.url);
      expectPartial(answer, new RegExp(`no answer within ${TIMEOUT_MS} ms`));
      expect(elapsed).toBeLessThan(TIMEOUT_MS * 4);
      expect(after.body.data.incident.title).toBeDefined();
    } finally {
      await hung.close();
    }
  });

  it("that answers invalid JSON: partial data, no crash", async () => {
    const garbage = await fakeSubgraph((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{ this is not json");
    });
    try {
      const { answer, after } = await withActorAt(garbage.url);
      expectPartial(answer, /invalid response/);
      expect(after.status).toBe(200);
    } finally {
      await garbage.close();
    }
  });

  it("that answers HTTP 502: partial data naming the status", async () => {
    const broken = await fakeSubgraph((_request, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<html>Bad gateway</html>");
    });
    try {
      const { answer } = await withActorAt(broken.url);
      expectPartial(answer, /answered HTTP 502/);
    } finally {
      await broken.close();
    }
  });

  it("that is slower than the timeout: gives up at the timeout", async () => {
    const slow = await slowProxy(actor.url, TIMEOUT_MS * 3);
    try {
      const { answer, elapsed } = await withActorAt(slow.url);
      expectPartial(answer, /no answer within/);
      expect(elapsed).toBeLessThan(TIMEOUT_MS * 3);
    } finally {
      await slow.close();
    }
  });

  it("that is slow but within the timeout: full answer", async () => {
    const slow = await slowProxy(actor.url, TIMEOUT_MS / 4);
    try {
      const { answer } = await withActorAt(slow.url);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.incident.participants.length).toBeGreaterThan(0);
    } finally {
      await slow.close();
    }
  });
});
