import { startTestSystem, type TestSystem } from "./support/system";

// What an operator's orchestrator and monitoring see: /health/ready must tell the truth about the
// database, say nothing internal on the public port, and /metrics must not grow with junk requests.

async function getText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

describe("/metrics", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded", { NODE_ENV: "production" });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("does not grow with junk paths: 2,000 of them add one `other` route, not 2,000 series", async () => {
    const metrics = new URL("/metrics", system.url).toString();
    // The first junk path and the first scrape add their series (`other`, `/metrics`) before measuring.
    await fetch(new URL("/no-such-page", system.url));
    await getText(metrics);
    const before = (await getText(metrics)).text.length;
    for (let start = 0; start < 2000; start += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(new URL(`/junk/${start + i}?x=${start + i}`, system.url)).then((r) => r.arrayBuffer())));
    }
    const after = await getText(metrics);
    expect(after.text).not.toMatch(/junk/);
    expect(after.text).toMatch(/http_request_duration_seconds_count\{service="gateway",route="other",status="404"\} 2001/);
    // Default process metrics change a little between scrapes (a kind of GC seen for the first time
    // adds a series); labelled by path, the same 2,000 requests added 2.7 MB.
    expect(after.text.length - before).toBeLessThan(4000);
  });
});
