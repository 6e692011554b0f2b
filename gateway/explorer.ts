import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type RequestHandler, Router } from "express";
import { projectRoot } from "../subgraphs/lib/paths";

/** The query the explorer opens with: the README's example (test/explorer.test.ts keeps the two equal). */
export const EXAMPLE_QUERY_PATH = join(projectRoot(), "gateway", "example-query.graphql");

/** Where the explorer's scripts and styles are served; each file's URL carries its content hash. */
const ASSETS_PATH = "/explorer/assets";

/**
 * What the page may load: its own origin only. GraphiQL styles elements inline (CodeMirror, its
 * resizable panes) and inlines its fonts and icons as data: URLs; scripts come from files only.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A package's folder, found through its package.json (React's exports map hides its UMD files). */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The files the page loads, in order: React first, GraphiQL's UMD build, then our script. */
const FILES = [
  join(packageDir("graphiql"), "graphiql.min.css"),
  join(packageDir("react"), "umd", "react.production.min.js"),
  join(packageDir("react-dom"), "umd", "react-dom.production.min.js"),
  join(packageDir("graphiql"), "graphiql.min.js"),
  join(projectRoot(), "gateway", "explorer-client.js"),
];

/** Escapes text for an HTML attribute or element. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * GraphiQL at the gateway's own URL, working offline: a browser's `GET /graphql` (one that prefers
 * text/html, the test Apollo Server uses for its landing page) gets the page, and its scripts and
 * styles are served from the project's dependencies under `/explorer/assets/<hash>/`, cached for a
 * year (a new version has a new hash). Mount it only when introspection is on.
 */
export function explorerRoutes(): Router {
  const assets = new Map<string, string>(
    FILES.map((file) => {
      const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
      const name = file.split("/").pop() ?? file;
      return [`${ASSETS_PATH}/${hash}/${name}`, file] as const;
    }),
  );
  const urls = [...assets.keys()];
  const settings = JSON.stringify({ defaultQuery: readFileSync(EXAMPLE_QUERY_PATH, "utf8") }).replace(/</g, "\\u003c");
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>conflict-graph explorer</title>
    ${urls
      .filter((url) => url.endsWith(".css"))
      .map((url) => `<link rel="stylesheet" href="${escapeHtml(url)}" />`)
      .join("\n    ")}
    <style>
      body { margin: 0; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the explorer…</div>
    <script type="application/json" id="explorer-settings">${settings}</script>
    ${urls
      .filter((url) => url.endsWith(".js"))
      .map((url) => `<script src="${escapeHtml(url)}"></script>`)
      .join("\n    ")}
  </body>
</html>
`;
  const page: RequestHandler = (request, response, next) => {
    // Apollo Server's rule for its landing page: a GET that prefers HTML over JSON (so `*/*` gets JSON).
    if (request.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    response.setHeader("content-security-policy", EXPLORER_CSP);
    response.setHeader("cache-control", "no-cache");
    response.type("html").send(html);
  };
  const asset: RequestHandler = (request, response, next) => {
    const file = assets.get(request.path);
    if (!file) return next();
    response.sendFile(file, { maxAge: "365d", immutable: true, headers: { "x-content-type-options": "nosniff" } });
  };
  const router = Router();
  router.get("/graphql", page);
  router.get(`${ASSETS_PATH}/:hash/:file`, asset);
  return router;
}
