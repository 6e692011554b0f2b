import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTokenVerifier } from "../gateway/auth";
import { jose, signToken as sign, TEST_JWT_SECRET as SECRET } from "./support/tokens";

describe("bearer token verification (jose)", () => {
  const verify = createTokenVerifier({ secret: SECRET });

  test("a valid token gives its subject and scopes, from `scope` or `scopes`", async () => {
    expect(await verify(`Bearer ${await sign({ sub: "alice", scope: "write:statement read" })}`)).toEqual({
      sub: "alice",
      scopes: ["write:statement", "read"],
    });
    expect(await verify(`Bearer ${await sign({ sub: "bob", scopes: ["write:incident"] })}`)).toEqual({ sub: "bob", scopes: ["write:incident"] });
    expect(await verify(`Bearer ${await sign({ sub: "carol" })}`)).toEqual({ sub: "carol", scopes: [] });
  });

  test("no header is anonymous; anything else that does not verify is invalid", async () => {
    expect(await verify(undefined)).toBeUndefined();
    expect(await verify(`Bearer ${await sign({ sub: "alice" }, { secret: "another-secret-of-at-least-32-characters" })}`)).toBe("invalid");
    expect(await verify(`Bearer ${await sign({ sub: "alice" }, { expiresIn: "-1m" })}`)).toBe("invalid");
    expect(await verify(`Bearer ${await sign({ scope: "write:statement" })}`)).toBe("invalid");
    expect(await verify(`Basic ${Buffer.from("a:b").toString("base64")}`)).toBe("invalid");
    expect(await verify("Bearer not.a.token")).toBe("invalid");
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"eve"}').toString("base64url")}.`;
    expect(await verify(`Bearer ${unsigned}`)).toBe("invalid");
  });

  test("issuer and audience are checked when configured", async () => {
    const strict = createTokenVerifier({ secret: SECRET, issuer: "https://issuer.test", audience: "conflict-graph" });
    expect(await strict(`Bearer ${await sign({ sub: "alice" }, { issuer: "https://issuer.test", audience: "conflict-graph" })}`)).toEqual({
      sub: "alice",
      scopes: [],
    });
    expect(await strict(`Bearer ${await sign({ sub: "alice" }, { issuer: "https://elsewhere.test", audience: "conflict-graph" })}`)).toBe("invalid");
    expect(await strict(`Bearer ${await sign({ sub: "alice" }, { issuer: "https://issuer.test" })}`)).toBe("invalid");
  });

  test("without a secret or key set every token is invalid", async () => {
    const none = createTokenVerifier({});
    expect(await none(`Bearer ${await sign({ sub: "alice" })}`)).toBe("invalid");
    expect(await none(undefined)).toBeUndefined();
  });
});

test("a JWKS file verifies tokens signed with its private keys (ES256), and only those", async () => {
  const { publicKey, privateKey } = await jose.generateKeyPair("ES256", { extractable: true });
  const other = await jose.generateKeyPair("ES256", { extractable: true });
  const dir = mkdtempSync(join(tmpdir(), "jwks-"));
  const file = join(dir, "jwks.json");
  writeFileSync(file, JSON.stringify({ keys: [{ ...(await jose.exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" }] }));
  try {
    const verify = createTokenVerifier({ jwksFile: file });
    const token = (key: Parameters<InstanceType<typeof jose.SignJWT>["sign"]>[0]) =>
      new jose.SignJWT({ sub: "svc-import", scope: "write:statement" }).setProtectedHeader({ alg: "ES256", kid: "k1" }).setExpirationTime("5m").sign(key);
    expect(await verify(`Bearer ${await token(privateKey)}`)).toEqual({ sub: "svc-import", scopes: ["write:statement"] });
    expect(await verify(`Bearer ${await token(other.privateKey)}`)).toBe("invalid");
    // An HS256 token made with the public key as its secret (the classic algorithm confusion) is refused.
    const confused = await new jose.SignJWT({ sub: "eve" })
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(JSON.stringify(await jose.exportJWK(publicKey))));
    expect(await verify(`Bearer ${confused}`)).toBe("invalid");
    writeFileSync(file, "not json");
    expect(() => createTokenVerifier({ jwksFile: file })).toThrow(/JWT_JWKS_FILE .* is not a readable JSON Web Key Set/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
