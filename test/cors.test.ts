import { startTestSystem, type TestSystem } from "./support/system";

// What browsers ask the gateway before and with a cross-origin call (CORS), answered over real HTTP;
// test/browser.test.ts shows what a real browser then does with the answers.

/** Every header a client of this API may send across origins. */
const CLIENT_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-request-id",
  "apollographql-client-name",
  "apollographql-client-version",
  "x-apollo-operation-name",
];
const QUERY = JSON.stringify({ query: '{ incident(id: "inc-2023-12-08-baghdad-embassy") { title } }' });

/** A browser's preflight for a JSON POST from `origin`. */
function preflight(url: string, origin: string, headers = CLIENT_HEADERS): Promise<Response> {
  return fetch(url, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": headers.join(",") },
  });
}

/** A cross-origin JSON POST as a browser sends it after the preflight. */
function postFrom(url: string, origin: string, headers: Record<string, string> = { "content-type": "application/json" }, body = QUERY): Promise<Response> {
  return fetch(url, { method: "POST", headers: { origin, ...headers }, body });
}

describe("CORS in development (the default rules)", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("embedded");
  });
  afterAll(async () => {
    await system?.stop();
  });

  it.each(["http://localhost:3000", "https://localhost:5173", "http://127.0.0.1:8080", "http://localhost", "https://studio.apollographql.com"])(
    "a preflight from %s is allowed with every client header, x-request-id exposed, cached 10 minutes",
    async (origin) => {
      const response = await preflight(system.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(origin);
      expect(response.headers.get("access-control-allow-methods")).toBe("GET,POST");
      expect(response.headers.get("access-control-allow-headers")?.split(",")).toEqual(CLIENT_HEADERS);
      expect(response.headers.get("access-control-max-age")).toBe("600");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
      expect(response.headers.get("vary")).toMatch(/origin/i);
    },
  );

  it("the POST that follows gets the data, its origin back, and x-request-id (and www-authenticate) exposed", async () => {
    const response = await postFrom(system.url, "http://localhost:3000");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("access-control-expose-headers")).toBe("x-request-id,www-authenticate");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toEqual({ data: { incident: { title: "Attack on the US embassy in Baghdad" } } });
  });

  it.each(["http://frontend.test", "http://localhost.evil.test", "https://studio.apollographql.com.evil.test", "null"])(
    "a preflight from %s gets no Access-Control-Allow-Origin (the browser blocks the call), and no error status",
    async (origin) => {
      const response = await preflight(system.url, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    },
  );

  it("a POST from a foreign origin is answered (servers do not block) but without CORS headers, so a browser hides it", async () => {
    const response = await postFrom(system.url, "http://frontend.test");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("CSRF prevention stays on: a text/plain POST (a 'simple' request, never preflighted) is refused, even from an allowed origin", async () => {
    const response = await postFrom(system.url, "http://localhost:3000", { "content-type": "text/plain" });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/This operation has been blocked as a potential Cross-Site Request Forgery/);
  });

  it("CSRF prevention stays on: a GET query needs apollo-require-preflight", async () => {
    const url = `${system.url}?query=${encodeURIComponent("{ __typename }")}`;
    expect((await fetch(url, { headers: { origin: "http://localhost:3000" } })).status).toBe(400);
    const preflighted = await fetch(url, { headers: { origin: "http://localhost:3000", "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
    expect(preflighted.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });

  it("subgraphs answer no CORS: only the gateway calls them", async () => {
    for (const subgraph of system.subgraphs) {
      const response = await preflight(subgraph.url, "http://localhost:3000");
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  });
});

describe("CORS in production", () => {
  const systems: TestSystem[] = [];
  afterAll(async () => {
    await Promise.all(systems.map((system) => system.stop()));
  });
  const start = async (env: Record<string, string>) => {
    const system = await startTestSystem("in-process", { NODE_ENV: "production", ...env });
    systems.push(system);
    return system;
  };
  const allowOrigin = async (system: TestSystem, origin: string) => (await preflight(system.url, origin)).headers.get("access-control-allow-origin");

  it("allows only what CORS_ORIGINS lists: no localhost, no Studio while introspection is off", async () => {
    const system = await start({ CORS_ORIGINS: "https://app.example.com, https://admin.example.com" });
    expect(await allowOrigin(system, "https://app.example.com")).toBe("https://app.example.com");
    expect(await allowOrigin(system, "https://admin.example.com")).toBe("https://admin.example.com");
    expect(await allowOrigin(system, "http://localhost:3000")).toBeNull();
    expect(await allowOrigin(system, "https://studio.apollographql.com")).toBeNull();
  });

  it("adds Apollo Studio when introspection is on (INTROSPECTION=true); nothing at all when CORS_ORIGINS is unset", async () => {
    const system = await start({ INTROSPECTION: "true" });
    expect(await allowOrigin(system, "https://studio.apollographql.com")).toBe("https://studio.apollographql.com");
    expect(await allowOrigin(system, "http://localhost:3000")).toBeNull();
  });

  it('allows any origin only when CORS_ORIGINS is "*"', async () => {
    const system = await start({ CORS_ORIGINS: "*" });
    expect(await allowOrigin(system, "http://frontend.test")).toBe("*");
  });
});
