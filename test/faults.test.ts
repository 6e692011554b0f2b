import type { RunningService } from "../subgraphs/lib/http";
import { freePort, startOneSubgraph } from "./support/subgraph";
import { startTestSystem, type TestSystem } from "./support/system";

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
