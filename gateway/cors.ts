import cors from "cors";
import { Router } from "express";
import { REQUEST_ID_HEADER } from "../subgraphs/lib/http";

/** Apollo Studio's hosted Explorer, which calls the endpoint from the browser. */
export const APOLLO_STUDIO_ORIGIN = "https://studio.apollographql.com";

/** Any port of localhost or 127.0.0.1, over http or https: where front ends run in development. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;

/** Headers browsers may send across origins: content type, auth, Apollo's CSRF and client-awareness headers, our request id. */
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  REQUEST_ID_HEADER,
  "apollographql-client-name",
  "apollographql-client-version",
  "x-apollo-operation-name",
];

/** How long a browser may reuse a preflight answer, in seconds (Chromium caps it at 7200). */
const PREFLIGHT_MAX_AGE_S = 600;

/** Origins a browser may call from: `"*"` (anyone), or a list of exact origins and patterns. */
export type AllowedOrigins = "*" | (string | RegExp)[];

/**
 * Which browser origins may call the gateway. `configured` (CORS_ORIGINS) replaces the mode's
 * defaults; `*` counts only when it is listed. Development adds any localhost port; Apollo Studio's
 * Explorer is added whenever introspection is on, since it needs introspection to be of any use.
 */
export function allowedOrigins(options: { configured: string[] | undefined; production: boolean; introspection: boolean }): AllowedOrigins {
  if (options.configured?.includes("*")) return "*";
  const origins: (string | RegExp)[] = options.configured ? [...options.configured] : options.production ? [] : [LOCAL_ORIGIN];
  if (options.introspection) origins.push(APOLLO_STUDIO_ORIGIN);
  return origins;
}

/**
 * CORS on `/graphql` (the `cors` library). Preflights are answered here, before the body, the
 * admission queue or Apollo Server; an origin not allowed gets an answer without
 * Access-Control-Allow-Origin, which the browser turns into a blocked call. CSRF prevention is Apollo
 * Server's and stays on: credentials are never allowed, so cookies cannot ride along.
 */
export function corsRoutes(origins: AllowedOrigins): Router {
  const router = Router();
  router.use(
    "/graphql",
    cors({
      origin: origins,
      methods: ["GET", "POST"],
      allowedHeaders: ALLOWED_HEADERS,
      // WWW-Authenticate: a browser client learns that a refused write wants a bearer token.
      exposedHeaders: [REQUEST_ID_HEADER, "www-authenticate"],
      maxAge: PREFLIGHT_MAX_AGE_S,
    }),
  );
  return router;
}
