import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describeWithBrowser, launchBrowser } from "./support/browser";
import { startTestSystem, type TestSystem } from "./support/system";

// What a person and a web app see in a real browser (Chromium through Playwright): the explorer works
// with no network beyond the gateway, and CORS lets exactly the allowed origins read the answers.

const EMBASSY = "Attack on the US embassy in Baghdad";
const SHORT_QUERY = '{ incident(id: "inc-2023-12-08-baghdad-embassy") { title place { name } } }';
const ARTIFACTS = join(__dirname, "artifacts");

/** What the web app's page reports once its fetch settled. */
interface Outcome {
  ok: boolean;
  title?: string;
  error?: string;
}

/**
 * A web app on its own origin (a port of 127.0.0.1): its page calls the gateway the way a front end
 * does, a JSON POST, and leaves the outcome in `window.outcome`.
 */
async function startWebApp(gatewayUrl: string): Promise<{ origin: string; server: Server }> {
  const body = JSON.stringify({ query: SHORT_QUERY });
  const html = `<!doctype html><meta charset="utf-8"><title>web app</title><script>
window.outcome = fetch(${JSON.stringify(gatewayUrl)}, { method: "POST", headers: { "content-type": "application/json" }, body: ${JSON.stringify(body)} })
  .then((response) => response.json())
  .then((answer) => ({ ok: true, title: answer.data.incident.title }), (error) => ({ ok: false, error: error.name + ": " + error.message }));
</script>`;
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Opens the web app's page and waits for its call to the gateway to settle. */
async function outcomeOf(browser: Browser, origin: string): Promise<{ outcome: Outcome; console: string[] }> {
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on("console", (message) => messages.push(message.text()));
  await page.goto(`${origin}/`);
  const outcome = await page.evaluate(() => (globalThis as unknown as { outcome: Promise<Outcome> }).outcome);
  await page.close();
  return { outcome, console: messages };
}

const close = (server: Server | undefined) => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));

describeWithBrowser("in a browser (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("development", () => {
    let system: TestSystem;
    let app: { origin: string; server: Server } | undefined;
    beforeAll(async () => {
      system = await startTestSystem("embedded");
      app = await startWebApp(system.url);
    });
    afterAll(async () => {
      await close(app?.server);
      await system?.stop();
    });

    it("the explorer loads from the gateway alone, runs a typed query and shows the embassy attack", async () => {
      const origin = new URL(system.url).origin;
      const page: Page = await browser.newPage();
      const requests: string[] = [];
      const outside: string[] = [];
      const problems: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      // Anything not on the gateway's origin is refused and flagged: offline it would hang or fail.
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith("data:")) return route.continue();
        outside.push(url);
        return route.abort();
      });

      await page.goto(system.url);
      const editor = page.locator(".graphiql-query-editor .CodeMirror");
      await editor.waitFor({ timeout: 20_000 }).catch((error: unknown) => {
        throw new Error(`No GraphiQL editor. Requests: ${requests.join(", ")}; refused (outside ${origin}): ${outside.join(", ")}`, { cause: error });
      });
      // The README's example is there to run.
      await expect(page.locator(".graphiql-query-editor").innerText()).resolves.toContain("query EmbassyAttack");

      // Replace it with a query typed key by key (CodeMirror closes brackets and quotes as they are typed,
      // and steps over the closing ones, so a balanced query comes out as typed).
      await editor.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      await page.keyboard.type(SHORT_QUERY);
      await page.keyboard.press("Escape");
      const typed = await editor.evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
      expect(typed).toBe(SHORT_QUERY);

      await page.locator("button.graphiql-execute-button").click();
      const result = page.locator(".graphiql-response");
      await expect(result.getByText(EMBASSY).first().waitFor({ timeout: 20_000 })).resolves.toBeUndefined();
      expect(await result.innerText()).toContain("Embassy of the United States, Baghdad");

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "explorer.png"), fullPage: true });
      await page.close();

      console.info(`explorer page requests (${requests.length}):\n  ${requests.map((url) => url.slice(0, 120)).join("\n  ")}`);
      expect(outside).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"))).toEqual([]);
      // No script error, no Content-Security-Policy violation ("Refused to ..."), no failed load.
      expect(problems).toEqual([]);
    });

    it("a web app on another localhost port reads the answer (the development default)", async () => {
      const { outcome } = await outcomeOf(browser, app!.origin);
      expect(outcome).toEqual({ ok: true, title: EMBASSY });
    });
  });

  describe("production, CORS_ORIGINS set", () => {
    let system: TestSystem;
    let allowed: { origin: string; server: Server } | undefined;
    let foreign: { origin: string; server: Server } | undefined;
    beforeAll(async () => {
      // Both web apps need the gateway's URL in their page, and the allowed one's origin goes into
      // CORS_ORIGINS: reserve the gateway's port first, then start the apps, then the system on that port.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      const port = (probe.address() as AddressInfo).port;
      await close(probe);
      const url = `http://127.0.0.1:${port}/graphql`;
      allowed = await startWebApp(url);
      foreign = await startWebApp(url);
      system = await startTestSystem("embedded", {
        NODE_ENV: "production",
        GATEWAY_PORT: String(port),
        CORS_ORIGINS: `http://allowed.test, ${allowed.origin}`,
      });
    });
    afterAll(async () => {
      await close(allowed?.server);
      await close(foreign?.server);
      await system?.stop();
    });

    it("an origin listed in CORS_ORIGINS reads the answer", async () => {
      const { outcome } = await outcomeOf(browser, allowed!.origin);
      expect(outcome).toEqual({ ok: true, title: EMBASSY });
    });

    it("an origin not listed is blocked by the browser: fetch rejects with a TypeError", async () => {
      const { outcome, console } = await outcomeOf(browser, foreign!.origin);
      expect(outcome).toEqual({ ok: false, error: "TypeError: Failed to fetch" });
      expect(console.join("\n")).toMatch(/blocked by CORS policy: .*No 'Access-Control-Allow-Origin' header/);
    });
  });
});
