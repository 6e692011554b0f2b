import { readFileSync } from "node:fs";
import { EXAMPLE_QUERY_PATH } from "../gateway/explorer";
import { readmeExamples, readReadme } from "./support/readme";
import { startTestSystem, type TestSystem } from "./support/system";

// The explorer a browser gets at the gateway's URL, over plain HTTP: GraphiQL from the project's own
// files (test/browser.test.ts runs it in Chromium), Apollo Sandbox on request, nothing without introspection.

/** What a browser's address bar sends. */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const getPage = (url: string, accept = BROWSER_ACCEPT) => fetch(url, { headers: { accept } });

describe("the explorer (development: introspection on, EXPLORER unset)", () => {
  let system: TestSystem;
  let html: string;
  let response: Response;
  beforeAll(async () => {
    system = await startTestSystem("in-process");
    response = await getPage(system.url);
    html = await response.text();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("a browser's GET /graphql gets GraphiQL, every file from the gateway itself", () => {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toMatch(/<title>conflict-graph explorer<\/title>/);
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(loaded.map((url) => url.replace(/[0-9a-f]{16}/, "<hash>"))).toEqual([
      "/explorer/assets/<hash>/graphiql.min.css",
      "/explorer/assets/<hash>/react.production.min.js",
      "/explorer/assets/<hash>/react-dom.production.min.js",
      "/explorer/assets/<hash>/graphiql.min.js",
      "/explorer/assets/<hash>/explorer-client.js",
    ]);
    expect(html).not.toMatch(/https?:\/\/|cdn|fonts\.g/i);
  });

  it("has a Content-Security-Policy that allows only its own origin (plus inline styles and data: fonts GraphiQL needs)", () => {
    const csp = response.headers.get("content-security-policy");
    expect(csp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    // So the only inline script is data, which a CSP without 'unsafe-inline' scripts still lets the page read.
    expect([...html.matchAll(/<script(?! src=)[^>]*>/g)].map((match) => match[0])).toEqual(['<script type="application/json" id="explorer-settings">']);
  });

  it("opens with the README's example query, kept in one data file", () => {
    const settings = JSON.parse(/<script type="application\/json" id="explorer-settings">([\s\S]*?)<\/script>/.exec(html)![1]!) as { defaultQuery: string };
    const [example] = readmeExamples(readReadme(), "## Example");
    expect(settings.defaultQuery).toBe(readFileSync(EXAMPLE_QUERY_PATH, "utf8"));
    expect(settings.defaultQuery).toBe(example!.query);
    expect(settings.defaultQuery).toMatch(/^query EmbassyAttack \{/);
  });

  it("serves its files with a year of caching (the URL changes with the content)", async () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => new URL(match[1]!, system.url).toString());
    for (const url of urls) {
      const asset = await fetch(url);
      expect(asset.status).toBe(200);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(asset.headers.get("content-type")).toMatch(url.endsWith(".css") ? /^text\/css/ : /^application\/javascript|^text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(500);
    }
    expect((await fetch(new URL("/explorer/assets/0000000000000000/graphiql.min.js", system.url))).status).toBe(404);
    expect((await fetch(new URL("/explorer/assets/0000000000000000/package.json", system.url))).status).toBe(404);
  });

  it("leaves GraphQL requests alone: a GET that prefers JSON, or */*, is a query, not the page", async () => {
    const url = `${system.url}?query=${encodeURIComponent("{ __typename }")}`;
    for (const accept of ["application/json", "*/*"]) {
      const answer = await fetch(url, { headers: { accept, "apollo-require-preflight": "true" } });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
    }
  });
});

describe("other explorers", () => {
  const systems: TestSystem[] = [];
  afterAll(async () => {
    await Promise.all(systems.map((system) => system.stop()));
  });
  const start = async (env: Record<string, string>) => {
    const system = await startTestSystem("in-process", env);
    systems.push(system);
    return system;
  };

  it("EXPLORER=sandbox serves Apollo Sandbox, as before (it loads from Apollo's CDN)", async () => {
    const system = await start({ EXPLORER: "sandbox" });
    const html = await (await getPage(system.url)).text();
    expect(html).toMatch(/embeddable-sandbox\.cdn\.apollographql\.com/);
    expect((await fetch(new URL("/explorer/assets/0000000000000000/graphiql.min.js", system.url))).status).toBe(404);
  });

  it("production: no explorer, no assets", async () => {
    const system = await start({ NODE_ENV: "production" });
    const page = await getPage(system.url);
    expect(page.status).toBe(400);
    expect(await page.text()).not.toMatch(/graphiql|sandbox/i);
    expect(page.headers.get("content-security-policy")).toBeNull();
  });

  it("production with INTROSPECTION=true: GraphiQL", async () => {
    const system = await start({ NODE_ENV: "production", INTROSPECTION: "true" });
    const page = await getPage(system.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/explorer-client\.js/);
  });
});
