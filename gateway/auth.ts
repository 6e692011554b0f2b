import { readFileSync } from "node:fs";
import type * as Jose from "jose" with { "resolution-mode": "import" };
import type { JSONWebKeySet, JWTPayload, JWTVerifyGetKey } from "jose" with { "resolution-mode": "import" };
import type { Principal } from "../subgraphs/lib/security";

// jose 6 is an ES module only; Node 20.19+ loads it with require() (tsconfig's node16 CommonJS output).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createLocalJWKSet, jwtVerify } = require("jose") as typeof Jose;

/** How bearer tokens are verified: an HS256 shared secret or a JWKS file, and optionally the issuer and audience they must name. */
export interface AuthSettings {
  /** HS256 shared secret (JWT_SECRET). */
  secret?: string;
  /** Path of a JSON Web Key Set whose public keys sign tokens (JWT_JWKS_FILE). */
  jwksFile?: string;
  /** Required `iss` claim (JWT_ISSUER). */
  issuer?: string;
  /** Required `aud` claim (JWT_AUDIENCE). */
  audience?: string;
}

/** The outcome of reading a request's `Authorization` header: no token, a verified caller, or a token that did not verify. */
export type Caller = Principal | "invalid" | undefined;

/** Verifies bearer tokens; made once at start from the settings. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Caller>;

/** The scopes a token grants: the `scope` claim (space-separated, OAuth 2) or a `scopes` array. */
function scopesOf(payload: JWTPayload): string[] {
  if (typeof payload.scope === "string") return payload.scope.split(" ").filter(Boolean);
  if (Array.isArray(payload.scopes)) return payload.scopes.filter((scope): scope is string => typeof scope === "string");
  return [];
}

/**
 * Makes the gateway's token verifier. With neither a secret nor a key set, every token is invalid
 * (writes are then impossible, reads stay open). The key set is read once here: a bad file stops
 * start-up rather than failing every write later. jose checks the signature, `exp`/`nbf` and, when
 * configured, `iss`/`aud`; why a token failed goes nowhere near the client.
 */
export function createTokenVerifier(settings: AuthSettings): TokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey | undefined;
  let algorithms: string[] | undefined;
  if (settings.jwksFile) {
    let keys: JSONWebKeySet;
    try {
      keys = JSON.parse(readFileSync(settings.jwksFile, "utf8")) as JSONWebKeySet;
      key = createLocalJWKSet(keys);
    } catch (error) {
      throw new Error(`JWT_JWKS_FILE ${settings.jwksFile} is not a readable JSON Web Key Set (${error instanceof Error ? error.message : String(error)}).`);
    }
  } else if (settings.secret) {
    key = new TextEncoder().encode(settings.secret);
    algorithms = ["HS256"];
  }
  return async (authorization) => {
    if (authorization === undefined || authorization === "") return undefined;
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(authorization);
    if (!match?.[1] || !key) return "invalid";
    try {
      const options = { issuer: settings.issuer, audience: settings.audience, algorithms };
      const { payload } = typeof key === "function" ? await jwtVerify(match[1], key, options) : await jwtVerify(match[1], key, options);
      if (typeof payload.sub !== "string" || payload.sub === "") return "invalid";
      return { sub: payload.sub, scopes: scopesOf(payload) };
    } catch {
      return "invalid";
    }
  };
}
