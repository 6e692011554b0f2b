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
