import type * as Jose from "jose" with { "resolution-mode": "import" };

// jose 6 is an ES module only (Jest transpiles it, see jest.config.js); loaded with require() as in gateway/auth.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const jose = require("jose") as typeof Jose;

/** The HS256 secret test systems verify tokens with (JWT_SECRET). */
export const TEST_JWT_SECRET = "a-test-secret-of-at-least-32-characters!";

/** Options of a test token: another key, an expiry ("5m", "-1m"), an issuer and an audience. */
export interface TokenOptions {
  secret?: string;
  expiresIn?: string;
  issuer?: string;
  audience?: string;
}

/** Signs an HS256 JWT with the test secret (or another), as an issuer would. */
export function signToken(claims: Record<string, unknown>, options: TokenOptions = {}): Promise<string> {
  let jwt = new jose.SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m");
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}
