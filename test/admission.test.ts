import { connect, type Socket } from "node:net";
import { fakeSubgraph } from "./support/subgraph";
import { send, startTestSystem, type TestSystem } from "./support/system";

// The gateway admits MAX_IN_FLIGHT operations at once, queues MAX_QUEUED more in arrival order, and
// sheds the rest with 503 SERVER_BUSY and Retry-After, instead of slowing every request down.
describe("admission control", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded", { MAX_IN_FLIGHT: "1", MAX_QUEUED: "2" });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("serves what it admits, in order, and refuses the overflow at once with 503 and Retry-After", async () => {
    const body = JSON.stringify({
      query: `{ incidents(first: 50) { edges { node { title participants { actor { name aliases { name } } } statements { text speaker { name } } } } } }`,
    });
    const finished: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        // A few milliseconds apart, so that they arrive in index order.
        await new Promise((resolve) => setTimeout(resolve, index * 3));
        const response = await fetch(system.url, { method: "POST", headers: { "content-type": "application/json" }, body });
        const text = await response.text();
        if (response.status === 200) finished.push(index);
        return { index, status: response.status, retryAfter: response.headers.get("retry-after"), text };
      }),
    );
    const served = answers.filter((answer) => answer.status === 200);
    const shed = answers.filter((answer) => answer.status === 503);
    expect(answers.map((answer) => (answer.status === 200 || answer.status === 503 ? answer.status : answer.text))).toEqual(
      answers.map((answer) => answer.status),
    );
    expect(served.length + shed.length).toBe(8);
    expect(served.length).toBeGreaterThanOrEqual(3);
    expect(shed.length).toBeGreaterThanOrEqual(1);
    for (const answer of shed) {
      expect(answer.retryAfter).toBe("1");
      expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: "SERVER_BUSY" }, message: expect.stringMatching(/at capacity/) }] });
    }
    // First in, first out: the served requests finished in the order they were admitted.
    expect(finished).toEqual([...finished].sort((a, b) => a - b));
    // And the gateway is fine afterwards.
    const after = await send(system.url, JSON.stringify({ query: "{ __typename }" }));
    expect(after.status).toBe(200);
  });
});

/**
 * A gateway in production mode in front of subgraphs that read requests and never answer, so that a
 * request holds its admission slot for as long as the gateway waits (SUBGRAPH_TIMEOUT_MS).
 */
function gatewayBeforeHungSubgraphs(env: Record<string, string>) {
  const handle: { system?: TestSystem; hung?: Awaited<ReturnType<typeof fakeSubgraph>> } = {};
  beforeAll(async () => {
    const hung = await fakeSubgraph(() => undefined);
    handle.hung = hung;
    handle.system = await startTestSystem("gateway-only", {
      NODE_ENV: "production",
      INCIDENT_URL: hung.url,
      ACTOR_URL: hung.url,
      STATEMENT_URL: hung.url,
      MAX_IN_FLIGHT: "1",
      ...env,
    });
  });
  afterAll(async () => {
    await handle.system?.stop();
    await handle.hung?.close();
  });
  return () => handle.system as TestSystem;
}

/** Opens a raw socket, sends `head` and `body` (all at once, or `slowly` a byte per interval), and returns it. */
function rawPost(url: string, body: string, slowlyMs?: number): Socket {
  const { hostname, port, pathname } = new URL(url);
  const socket = connect(Number(port), hostname, () => {
    socket.write(`POST ${pathname} HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    if (slowlyMs === undefined) {
      socket.write(body);
      return;
    }
    let sent = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || sent >= body.length) return clearInterval(timer);
      socket.write(body[sent++] ?? "");
    }, slowlyMs);
    socket.once("close", () => clearInterval(timer));
  });
  socket.on("error", () => undefined);
  return socket;
}

/** POSTs with a client-side deadline, so that a gateway that never answers fails the test instead of hanging it. */
async function postWithin(url: string, query: string, ms: number): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(ms),
  });
  await response.text();
  return { status: response.status, ms: Date.now() - started };
}

/** Reads one gauge from a service's /metrics. */
async function gauge(serviceUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL("/metrics", serviceUrl))).text();
  const line = text.split("\n").find((row) => row.startsWith(`${name}{`) || row.startsWith(`${name} `));
  return Number(line?.split(" ").pop());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Found by the outside attack suite (production mode): requests whose client left while they waited
// in the queue leaked their slot, so after MAX_IN_FLIGHT of them /graphql never answered again while
// both health checks stayed green; and clients sending their bodies at 1 byte/s held every slot.
describe("admission control against clients that go away or crawl", () => {
  const gateway = gatewayBeforeHungSubgraphs({ SUBGRAPH_TIMEOUT_MS: "1500", REQUEST_READ_TIMEOUT_MS: "2000" });

  it("drops a waiting request whose client reset the connection, and gives every slot back", async () => {
    // One request holds the only slot for the subgraph timeout; twenty more queue behind it and reset.
    const holder = postWithin(gateway().url, `{ incident(id: "x") { title } }`, 10_000);
    await sleep(100);
    const body = JSON.stringify({ query: `{ incident(id: "y") { title } }` });
    const quitters = Array.from({ length: 20 }, () => rawPost(gateway().url, body));
    await sleep(300);
    expect(await gauge(gateway().url, "admission_waiting")).toBe(20);
    for (const socket of quitters) socket.resetAndDestroy();
    await sleep(100);
    expect(await gauge(gateway().url, "admission_waiting")).toBe(0);
    expect((await holder).status).toBe(200);
    // The slot came back: the gateway answers at once, and nothing holds a slot afterwards.
    const after = await postWithin(gateway().url, "{ __typename }", 5_000);
    expect(after.status).toBe(200);
    expect(await gauge(gateway().url, "admission_in_flight")).toBe(0);
    expect((await fetch(new URL("/health/live", gateway().url))).status).toBe(200);
  });

  it("serves others while clients send their bodies a byte at a time, and answers those clients 408", async () => {
    const body = JSON.stringify({ query: "{ __typename }" });
    const crawlers = Array.from({ length: 40 }, () => rawPost(gateway().url, body, 1000));
    const answers = crawlers.map(
      (socket) =>
        new Promise<string>((resolve) => {
          let text = "";
          socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
          socket.once("close", () => resolve(text));
        }),
    );
    await sleep(200);
    // The only slot is free: the crawlers have not finished their bodies, so they hold none.
    const during = await postWithin(gateway().url, "{ __typename }", 1_500);
    expect(during.status).toBe(200);
    // Past REQUEST_READ_TIMEOUT_MS (2 s, checked every second), each crawler gets 408 and is closed.
    const started = Date.now();
    const texts = await Promise.all(answers);
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const text of texts) expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(await gauge(gateway().url, "admission_in_flight")).toBe(0);
  });
});

// Liveness tells the truth: when requests wait and none is admitted for LIVENESS_STALL_MS, the process
// cannot do its work any more, and /health/live says so (an orchestrator then restarts it).
describe("liveness of a wedged queue", () => {
  const gateway = gatewayBeforeHungSubgraphs({ SUBGRAPH_TIMEOUT_MS: "20000", LIVENESS_STALL_MS: "1000" });

  it("fails liveness while nothing is admitted, and recovers when the queue moves", async () => {
    expect((await fetch(new URL("/health/live", gateway().url))).status).toBe(200);
    const holder = rawPost(gateway().url, JSON.stringify({ query: `{ incident(id: "x") { title } }` }));
    await sleep(100);
    const waiter = rawPost(gateway().url, JSON.stringify({ query: "{ __typename }" }));
    await sleep(1_500);
    const live = await fetch(new URL("/health/live", gateway().url));
    expect(live.status).toBe(503);
    expect(await live.json()).toMatchObject({ status: "wedged", reason: expect.stringMatching(/no request admitted for \d+ s while 1 wait/) });
    // The stuck request's client gives up: its slot comes back, the waiter runs, liveness is green again.
    holder.resetAndDestroy();
    await sleep(200);
    expect((await fetch(new URL("/health/live", gateway().url))).status).toBe(200);
    waiter.destroy();
  });
});
