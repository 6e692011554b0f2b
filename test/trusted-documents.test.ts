import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, print } from "graphql";
import { documentIdOf, execute } from "../clients/typescript/client";
import { GENERATED_DIR } from "../clients/typescript/codegen";
import { EmbassyAttackDocument } from "../clients/typescript/generated/graphql";
import { runExamples } from "../clients/typescript/run";
import { canonicalForm, readTrustedDocuments } from "../gateway/trusted-documents";
import { projectRoot } from "../subgraphs/lib/paths";
import { readmeExample } from "./support/gateway-suite";
import { type HttpAnswer, send, startTestSystem, type TestSystem } from "./support/system";

const MANIFEST = join(projectRoot(), GENERATED_DIR, "persisted-documents.json");
const EMBASSY_ID = documentIdOf(EmbassyAttackDocument);
const NOT_LISTED = "{ incidents(first: 1) { totalCount } }";
const NOT_LISTED_HASH = createHash("sha256").update(NOT_LISTED).digest("hex");
const UNKNOWN_HASH = "0".repeat(64);

const postJson = (url: string, body: unknown): Promise<HttpAnswer> => send(url, JSON.stringify(body));
const sha256Hash = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe("trusted documents enforced (production, TRUSTED_DOCUMENTS set)", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("in-process", { NODE_ENV: "production", TRUSTED_DOCUMENTS: MANIFEST });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it.each(["documentId", "persistedQuery"] as const)("runs the generated client's operations by id (%s)", async (sendAs) => {
    const { embassy, syria } = await runExamples(system.url, sendAs);
    expect(embassy.incident?.title).toBe("Attack on the US embassy in Baghdad");
    expect(syria.incidents.totalCount).toBeGreaterThan(0);
  });

  it("refuses a free-text operation that is not in the manifest, saying what to do", async () => {
    const answer = await system.query(NOT_LISTED);
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(answer.body.errors?.[0]?.message).toMatch(/trusted documents.*documentId|persistedQuery/);
  });

  it("refuses a free-text operation sent with GET too", async () => {
    const response = await fetch(`${system.url}?query=${encodeURIComponent(NOT_LISTED)}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as HttpAnswer["body"]).errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("accepts a free-text operation whose text is in the manifest (safelisting), however it is laid out", async () => {
    expect(await execute(system.url, EmbassyAttackDocument, {}, "text")).toEqual((readmeExample().output as { data: unknown }).data);
    const readme = await system.query(readmeExample().query);
    expect(readme.status).toBe(200);
    expect(readme.body.data.incident.title).toBe("Attack on the US embassy in Baghdad");
  });

  it("refuses a listed operation with a field added", async () => {
    const answer = await system.query(print(EmbassyAttackDocument).replace("title", "title id"));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it("refuses an APQ registration of an operation that is not in the manifest", async () => {
    const hash = NOT_LISTED_HASH;
    const answer = await postJson(system.url, { query: NOT_LISTED, extensions: sha256Hash(hash) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });

  it.each([
    ["documentId", { documentId: `sha256:${UNKNOWN_HASH}` }],
    ["persistedQuery", { extensions: sha256Hash(UNKNOWN_HASH) }],
  ])("answers an unknown id (%s) with 400 PERSISTED_QUERY_NOT_IN_LIST", async (_how, body) => {
    const answer = await postJson(system.url, body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    expect(answer.body.errors?.[0]?.message).toContain(UNKNOWN_HASH);
  });

  it("runs an operation by id with GET", async () => {
    const response = await fetch(`${system.url}?documentId=${encodeURIComponent(EMBASSY_ID)}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as HttpAnswer["body"]).data.incident.title).toBe("Attack on the US embassy in Baghdad");
  });
});

describe("trusted documents not enforced (TRUSTED_DOCUMENTS_ONLY=false)", () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem("in-process", { NODE_ENV: "production", TRUSTED_DOCUMENTS: MANIFEST, TRUSTED_DOCUMENTS_ONLY: "false" });
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("runs manifest operations by id and free-text operations alike", async () => {
    expect((await execute(system.url, EmbassyAttackDocument, {}, "documentId")).incident?.title).toBe("Attack on the US embassy in Baghdad");
    const answer = await system.query(NOT_LISTED);
    expect(answer.status).toBe(200);
    expect(answer.body.data.incidents.totalCount).toBeGreaterThan(0);
  });

  it("keeps automatic persisted queries working: unknown hash, register, then by hash", async () => {
    const hash = NOT_LISTED_HASH;
    const unknown = await postJson(system.url, { extensions: sha256Hash(hash) });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await postJson(system.url, { query: NOT_LISTED, extensions: sha256Hash(hash) });
    expect(registered.status).toBe(200);
    const byHash = await postJson(system.url, { extensions: sha256Hash(hash) });
    expect(byHash.status).toBe(200);
    expect(byHash.body).toEqual(registered.body);
  });

  it("still answers an unknown documentId with PERSISTED_QUERY_NOT_IN_LIST (an id cannot be registered)", async () => {
    const answer = await postJson(system.url, { documentId: `sha256:${UNKNOWN_HASH}` });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
  });
});

describe("a bad manifest fails start-up with one line naming TRUSTED_DOCUMENTS", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "trusted-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const manifest = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const embassy = print(EmbassyAttackDocument);

  it.each([
    ["a missing file", () => join(dir, "missing.json"), /cannot be read/],
    ["not JSON", () => manifest("not-json.json", "{ nope"), /not JSON/],
    ["not an object of strings", () => manifest("array.json", "[1, 2]"), /expected object/i],
    ["a malformed id", () => manifest("bad-id.json", JSON.stringify({ "md5:abc": "{ __typename }" })), /sha256/],
    ["an id that is not the document's hash", () => manifest("mismatch.json", JSON.stringify({ [`sha256:${UNKNOWN_HASH}`]: "{ __typename }" })), /hash/],
    ["a document that does not parse", () => manifest("syntax.json", JSON.stringify({ [EMBASSY_ID]: embassy.slice(0, 40) })), /Syntax Error|hash/],
    ["an empty manifest", () => manifest("empty.json", "{}"), /no documents/],
  ])("%s", (_what, path, problem) => {
    const file = path();
    let message = "";
    try {
      readTrustedDocuments(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(problem);
    expect(message).toMatch(new RegExp(`^TRUSTED_DOCUMENTS=${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    expect(message).not.toContain("\n");
  });

  /** The start-up error, or "started" (after stopping what started, so a failing test leaves nothing running). */
  const startUp = (env: Record<string, string>): Promise<string> =>
    startTestSystem("in-process", env).then(
      async (system) => {
        await system.stop();
        return "started";
      },
      (error: Error) => error.message,
    );

  it("refuses to start the system", async () => {
    expect(await startUp({ NODE_ENV: "production", TRUSTED_DOCUMENTS: manifest("start.json", "[]") })).toMatch(/^TRUSTED_DOCUMENTS=.*start\.json: /);
  });

  it("refuses TRUSTED_DOCUMENTS_ONLY=true without a manifest", async () => {
    expect(await startUp({ TRUSTED_DOCUMENTS_ONLY: "true" })).toMatch(/^TRUSTED_DOCUMENTS_ONLY=true needs TRUSTED_DOCUMENTS/);
  });
});

describe("canonicalForm: what safelisting ignores", () => {
  const same = (a: string, b: string) => canonicalForm(parse(a)) === canonicalForm(parse(b));

  it("ignores layout, comments and the order of fields, arguments, variables and definitions", () => {
    expect(same("query Q($a: Int, $b: Int) { x(p: $a, q: $b) { y z } w }", "# c\nquery Q($b: Int $a: Int) { w, x(q: $b p: $a) { z y } }")).toBe(true);
    expect(same("query A { a } query B { b }", "query B { b } query A { a }")).toBe(true);
  });

  it("keeps what changes the operation: names, aliases, values, a mutation's field order", () => {
    expect(same("{ a b }", "{ a c }")).toBe(false);
    expect(same("{ x: a }", "{ a }")).toBe(false);
    expect(same('{ a(p: "1  2") }', '{ a(p: "1 2") }')).toBe(false);
    expect(same("mutation { a b }", "mutation { b a }")).toBe(false);
  });
});
