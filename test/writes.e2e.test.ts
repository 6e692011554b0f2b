import { GATEWAY_SECRET_HEADER } from "../subgraphs/lib/http";
import { PRINCIPAL_HEADER } from "../subgraphs/lib/security";
import { createTestDatabases, describeWithPostgres } from "./support/postgres";
import { type DatabaseUrls, type HttpAnswer, send, startTestSystem, type TestSystem } from "./support/system";
import { signToken, TEST_JWT_SECRET } from "./support/tokens";

// Writes through the real HTTP gateway in production mode: bearer tokens signed here with jose, the
// security directives enforced by the gateway (and again by the statement subgraph), references to
// other subgraphs' entities checked before anything is written, one transaction per write, the audit,
// retraction as seen by a syncing client, and no acknowledged write lost to a concurrent failure.

const GATEWAY_SECRET = "writes-test-gateway-secret";
const SOURCE = "src-000";
const SPEAKER = "act-matthew-miller";
const INCIDENT = "inc-2023-12-01-kirkuk-strike";
const INTERNALS = /stacktrace|node_modules|\/work\/|\.ts:\d+|JWS|JWT|signature|claim|jose|SELECT |INSERT |sqlite|typeorm/i;

/** POSTs an operation to `url`, with a bearer token when given. */
function call(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return send(url, JSON.stringify({ query, variables }), {
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...headers,
  });
}

/** A complete statement input; `overrides` change or remove (undefined) fields. */
function statementInput(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    speakerId: SPEAKER,
    saidOn: "2023-12-09",
    saidOnPrecision: "DAY",
    channel: "PRESS_RELEASE",
    mode: "PARAPHRASE",
    text: `Test statement ${id}: the department condemned the strike.`,
    aboutIncidentIds: [INCIDENT],
    evidence: { sourceId: SOURCE, sentence: "The State Department condemned the attack." },
    importId: "import-test-1",
    ...overrides,
  };
}

const UPSERT = /* GraphQL */ `
  mutation Upsert($input: StatementInput!) {
    upsertStatement(input: $input) {
      outcome
      writeId
      statement {
        id
        text
        updatedAt
        retractedAt
        speaker {
          id
          name
        }
        aboutIncidents {
          id
          title
        }
        appearances {
          evidence {
            sentence
            source {
              id
              title
            }
          }
        }
      }
    }
  }
`;
const RETRACT = /* GraphQL */ `
  mutation Retract($input: RetractStatementInput!) {
    retractStatement(input: $input) {
      outcome
      writeId
      statement {
        id
        retractedAt
        retractedReason
        updatedAt
      }
    }
  }
`;
const AUDIT = /* GraphQL */ `
  query Audit($since: DateTime) {
    statementWrites(since: $since, first: 100) {
      totalCount
      edges {
        node {
          by
          operation
          entityType
          entityId
          outcome
          importId
          at
        }
      }
    }
  }
`;

/** Tokens for the tests: a writer, a reader without the write scope, and an expired writer's. */
async function tokens() {
  return {
    writer: await signToken({ sub: "analyst-1", scope: "write:statement read" }),
    otherWriter: await signToken({ sub: "importer-7", scopes: ["write:statement"] }),
    reader: await signToken({ sub: "viewer-2", scope: "read" }),
    actorWriter: await signToken({ sub: "curator-3", scope: "write:actor" }),
    expired: await signToken({ sub: "analyst-1", scope: "write:statement" }, { expiresIn: "-1m" }),
    forged: await signToken({ sub: "analyst-1", scope: "write:statement" }, { secret: "not-the-secret-but-at-least-32-characters" }),
  };
}

/** The main path, on whichever databases `start` uses. */
function mainPath(start: () => Promise<TestSystem>): void {
  let system: TestSystem;
  let t: Awaited<ReturnType<typeof tokens>>;
  beforeAll(async () => {
    system = await start();
    t = await tokens();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it("upserts a statement and reads it back in the same request across subgraphs, with its evidence; the same input again is UNCHANGED", async () => {
    const first = await call(system.url, UPSERT, { input: statementInput("stmt-w-main") }, t.writer);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const written = first.body.data.upsertStatement;
    expect(written).toMatchObject({
      outcome: "CREATED",
      statement: {
        id: "stmt-w-main",
        retractedAt: null,
        speaker: { id: SPEAKER, name: "Matthew Miller" },
        aboutIncidents: [{ id: INCIDENT, title: expect.any(String) }],
        appearances: [{ evidence: { sentence: "The State Department condemned the attack.", source: { id: SOURCE, title: expect.any(String) } } }],
      },
    });
    expect(written.writeId).toEqual(expect.any(String));

    const again = await call(system.url, UPSERT, { input: statementInput("stmt-w-main") }, t.writer);
    expect(again.body.data.upsertStatement).toMatchObject({ outcome: "UNCHANGED", writeId: null, statement: { updatedAt: written.statement.updatedAt } });

    const changed = await call(system.url, UPSERT, { input: statementInput("stmt-w-main", { text: "Changed text.", importId: undefined }) }, t.otherWriter);
    expect(changed.body.data.upsertStatement).toMatchObject({ outcome: "UPDATED", statement: { text: "Changed text." } });

    // Visible to every read path: by id, in lists, from the actor's side, and in search.
    const read = await call(
      system.url,
      `{ statement(id: "stmt-w-main") { text } actor(id: "${SPEAKER}") { statements(as: SPEAKER, first: 100) { edges { node { id } } } }
         searchStatements(query: "Changed text", first: 5) { edges { node { id } } } }`,
    );
    expect(read.body.data.statement).toEqual({ text: "Changed text." });
    expect(read.body.data.actor.statements.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain("stmt-w-main");
    expect(read.body.data.searchStatements.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain("stmt-w-main");

    // The audit: who, what, which import; UNCHANGED calls are not recorded.
    const audit = await call(system.url, AUDIT, {}, t.reader);
    const mine = audit.body.data.statementWrites.edges
      .map((edge: { node: unknown }) => edge.node)
      .filter((node: { entityId: string }) => node.entityId === "stmt-w-main");
    expect(mine).toEqual([
      {
        by: "analyst-1",
        operation: "upsertStatement",
        entityType: "Statement",
        entityId: "stmt-w-main",
        outcome: "CREATED",
        importId: "import-test-1",
        at: expect.any(String),
      },
      {
        by: "importer-7",
        operation: "upsertStatement",
        entityType: "Statement",
        entityId: "stmt-w-main",
        outcome: "UPDATED",
        importId: null,
        at: expect.any(String),
      },
    ]);
  });

  it("a retraction keeps the row, hides it from lists and search, and shows it to an updatedSince sync", async () => {
    await call(system.url, UPSERT, { input: statementInput("stmt-w-retract", { text: "Zanzibar retraction probe." }) }, t.writer);
    const since = new Date().toISOString();
    const retracted = await call(
      system.url,
      RETRACT,
      { input: { id: "stmt-w-retract", reason: "Misattributed: the spokesperson was quoting someone else." } },
      t.writer,
    );
    expect(retracted.body.data.retractStatement).toMatchObject({
      outcome: "RETRACTED",
      statement: { retractedAt: expect.any(String), retractedReason: "Misattributed: the spokesperson was quoting someone else." },
    });
    expect(retracted.body.data.retractStatement.statement.updatedAt >= since).toBe(true);
    const again = await call(system.url, RETRACT, { input: { id: "stmt-w-retract", reason: "again" } }, t.writer);
    expect(again.body.data.retractStatement.outcome).toBe("UNCHANGED");

    const read = await call(
      system.url,
      `query($since: DateTime) {
         byId: statement(id: "stmt-w-retract") { id retractedAt }
         all: statements(first: 100) { edges { node { id } } }
         withRetracted: statements(first: 100, filter: { includeRetracted: true }) { edges { node { id } } }
         sync: statements(first: 100, filter: { updatedSince: $since }) { edges { node { id retractedAt retractedReason } } }
         search: searchStatements(query: "Zanzibar", first: 5) { totalCount }
         incident(id: "${INCIDENT}") { statements { id } }
       }`,
      { since },
    );
    const ids = (list: { edges: { node: { id: string } }[] }) => list.edges.map((edge) => edge.node.id);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.byId).toEqual({ id: "stmt-w-retract", retractedAt: expect.any(String) });
    expect(ids(read.body.data.all)).not.toContain("stmt-w-retract");
    expect(ids(read.body.data.withRetracted)).toContain("stmt-w-retract");
    expect(read.body.data.sync.edges).toContainEqual({
      node: { id: "stmt-w-retract", retractedAt: expect.any(String), retractedReason: "Misattributed: the spokesperson was quoting someone else." },
    });
    expect(read.body.data.search.totalCount).toBe(0);
    expect(read.body.data.incident.statements.map((s: { id: string }) => s.id)).not.toContain("stmt-w-retract");

    const audit = await call(system.url, AUDIT, { since }, t.writer);
    expect(audit.body.data.statementWrites.edges.map((edge: { node: { operation: string; entityId: string } }) => edge.node)).toEqual([
      expect.objectContaining({ operation: "retractStatement", entityId: "stmt-w-retract", outcome: "RETRACTED" }),
    ]);

    // Upserting it again restores it.
    const restored = await call(system.url, UPSERT, { input: statementInput("stmt-w-retract", { text: "Zanzibar retraction probe." }) }, t.writer);
    expect(restored.body.data.upsertStatement).toMatchObject({ outcome: "UPDATED", statement: { retractedAt: null } });
  });

  it("upserts a reported figure that points at an actor, a statement and an incident, reads it back across subgraphs, and is idempotent", async () => {
    await call(system.url, UPSERT, { input: statementInput("stmt-w-figure") }, t.writer);
    const input = {
      id: "fig-w-1",
      metric: "US_PERSONNEL_INJURED",
      value: 66,
      qualifier: "AT_LEAST",
      periodStart: "2023-10-17",
      asOf: "2023-12-09",
      scope: "US personnel in Iraq and Syria",
      reportedById: SPEAKER,
      statementId: "stmt-w-figure",
      incidentId: INCIDENT,
      rank: "NORMAL",
      rawText: "at least 66",
      evidence: { sourceId: SOURCE, sentence: "At least 66 US personnel were injured." },
    };
    const mutation = `mutation($input: FigureInput!) { upsertFigure(input: $input) { outcome writeId
      figure { id value asOf reportedBy { name } statement { id } incident { id title } evidence { sentence source { id } } } } }`;
    const first = await call(system.url, mutation, { input }, t.writer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.upsertFigure).toMatchObject({
      outcome: "CREATED",
      figure: {
        id: "fig-w-1",
        value: 66,
        asOf: "2023-12-09",
        reportedBy: { name: "Matthew Miller" },
        statement: { id: "stmt-w-figure" },
        incident: { id: INCIDENT, title: expect.any(String) },
        evidence: { sentence: "At least 66 US personnel were injured.", source: { id: SOURCE } },
      },
    });
    expect((await call(system.url, mutation, { input }, t.writer)).body.data.upsertFigure).toMatchObject({ outcome: "UNCHANGED", writeId: null });
    expect((await call(system.url, mutation, { input: { ...input, value: 70, rawText: "70" } }, t.writer)).body.data.upsertFigure.outcome).toBe("UPDATED");

    const refused = [
      [{ ...input, id: "fig-w-2", evidence: undefined }, "input.evidence"],
      [{ ...input, id: "fig-w-2", statementId: "stmt-nowhere" }, "upsertFigure.input.statementId"],
      [{ ...input, id: "fig-w-2", reportedById: "act-nobody" }, "upsertFigure.input.reportedById"],
    ] as const;
    for (const [bad, argument] of refused) {
      const answer = await call(system.url, mutation, { input: bad }, t.writer);
      expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, argument: answer.body.errors?.[0]?.extensions?.argument }).toEqual({
        status: 400,
        code: "BAD_USER_INPUT",
        argument,
      });
    }
    expect((await call(system.url, `{ figure(id: "fig-w-2") { id } }`)).body.data.figure).toBeNull();
    const audit = await call(system.url, AUDIT, {}, t.writer);
    const mine = audit.body.data.statementWrites.edges
      .map((edge: { node: { entityId: string; operation: string; outcome: string } }) => edge.node)
      .filter((node: { entityId: string }) => node.entityId.startsWith("fig-w-"));
    expect(mine.map((node: { operation: string; outcome: string }) => `${node.operation} ${node.outcome}`)).toEqual([
      "upsertFigure CREATED",
      "upsertFigure UPDATED",
    ]);
  });

  it("upserts an affiliation in the actor subgraph, its evidence's source checked in the statement subgraph by the gateway; its own scope and audit", async () => {
    const input = {
      id: "aff-w-1",
      actorId: SPEAKER,
      organizationId: "act-iraq",
      role: "OFFICIAL_OF",
      title: "Test title",
      since: "2023-01-01",
      evidence: { sourceId: SOURCE, sentence: "A sentence that states the affiliation." },
      importId: "import-test-2",
    };
    const mutation = `mutation($input: AffiliationInput!) { upsertAffiliation(input: $input) { outcome writeId
      affiliation { id role title since actor { name } organization { id name } evidence { sentence source { id title } } } } }`;
    const first = await call(system.url, mutation, { input }, t.actorWriter);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.upsertAffiliation).toMatchObject({
      outcome: "CREATED",
      affiliation: {
        id: "aff-w-1",
        role: "OFFICIAL_OF",
        since: "2023-01-01",
        actor: { name: "Matthew Miller" },
        organization: { id: "act-iraq", name: "Iraq" },
        evidence: { sentence: "A sentence that states the affiliation.", source: { id: SOURCE, title: expect.any(String) } },
      },
    });
    expect((await call(system.url, mutation, { input }, t.actorWriter)).body.data.upsertAffiliation).toMatchObject({ outcome: "UNCHANGED", writeId: null });
    const read = await call(system.url, `{ actor(id: "${SPEAKER}") { affiliations(role: OFFICIAL_OF) { id organization { id } } } }`);
    expect(read.body.data.actor.affiliations).toContainEqual({ id: "aff-w-1", organization: { id: "act-iraq" } });

    // The write:statement scope does not write actors.
    expect((await call(system.url, mutation, { input }, t.writer)).status).toBe(403);
    const dangling = await call(
      system.url,
      mutation,
      { input: { ...input, id: "aff-w-2", evidence: { sourceId: "src-missing", sentence: "A sentence." } } },
      t.actorWriter,
    );
    expect({ status: dangling.status, argument: dangling.body.errors?.[0]?.extensions?.argument }).toEqual({
      status: 400,
      argument: "upsertAffiliation.input.evidence.sourceId",
    });
    const audit = await call(system.url, `{ actorWrites(first: 100) { edges { node { by operation entityId outcome importId } } } }`, {}, t.reader);
    expect(audit.body.data.actorWrites.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { by: "curator-3", operation: "upsertAffiliation", entityId: "aff-w-1", outcome: "CREATED", importId: "import-test-2" },
    ]);
  });

  it("refuses a write without evidence, or naming an entity that does not exist, with 400 BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const before = (await call(system.url, AUDIT, {}, t.writer)).body.data.statementWrites.totalCount;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ evidence: undefined }, "input.evidence", /`input.evidence` is missing: every fact needs its evidence/],
      [{ evidence: { sourceId: SOURCE, sentence: "  " } }, "input.evidence.sentence", /`input.evidence.sentence` is empty/],
      [{ speakerId: "act-nobody" }, "upsertStatement.input.speakerId", /`upsertStatement.input.speakerId` names Actor "act-nobody", which does not exist/],
      [{ aboutIncidentIds: [INCIDENT, "inc-nowhere"] }, "upsertStatement.input.aboutIncidentIds[1]", /names Incident "inc-nowhere", which does not exist/],
      [{ evidence: { sourceId: "src-missing", sentence: "A sentence." } }, "upsertStatement.input.evidence.sourceId", /names Source "src-missing"/],
    ];
    for (const [overrides, argument, message] of cases) {
      const answer = await call(system.url, UPSERT, { input: statementInput("stmt-w-refused", overrides) }, t.writer);
      expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, argument: answer.body.errors?.[0]?.extensions?.argument }).toEqual({
        status: 400,
        code: "BAD_USER_INPUT",
        argument,
      });
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.text).not.toMatch(INTERNALS);
    }
    const after = await call(system.url, `{ statement(id: "stmt-w-refused") { id } }`);
    expect(after.body.data.statement).toBeNull();
    expect((await call(system.url, AUDIT, {}, t.writer)).body.data.statementWrites.totalCount).toBe(before);
  });
}

describe("writes through the gateway (SQLite, production mode)", () => {
  let system: TestSystem;
  let t: Awaited<ReturnType<typeof tokens>>;
  beforeAll(async () => {
    system = await startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET, GATEWAY_SECRET });
    t = await tokens();
  });
  afterAll(async () => {
    await system?.stop();
  });

  describe("main path", () => {
    mainPath(async () => {
      // A system of its own: the suite above keeps its own to look at the statement subgraph directly.
      return startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET });
    });
  });

  it("answers 401 UNAUTHENTICATED with WWW-Authenticate: Bearer without a valid token, and 403 FORBIDDEN without the scope, saying nothing of why", async () => {
    const input = { input: statementInput("stmt-w-auth") };
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, "UNAUTHENTICATED"],
      [t.expired, 401, "UNAUTHENTICATED"],
      [t.forged, 401, "UNAUTHENTICATED"],
      ["not-a-jwt", 401, "UNAUTHENTICATED"],
      [t.reader, 403, "FORBIDDEN"],
    ];
    for (const [token, status, code] of cases) {
      const answer = await call(system.url, UPSERT, input, token);
      expect({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, data: answer.body.data }).toEqual({ status, code, data: undefined });
      expect(answer.text).not.toMatch(INTERNALS);
      expect(answer.body.errors?.[0]?.extensions).toEqual({ code, requestId: expect.any(String) });
      if (status === 401) expect(answer.headers?.get("www-authenticate")).toBe("Bearer");
    }
    // Hidden in a fragment, or beside an open field, it is refused all the same.
    const fragment = await call(
      system.url,
      `mutation { ...W } fragment W on Mutation { retractStatement(input: { id: "x", reason: "r" }) { outcome } }`,
      {},
      t.reader,
    );
    expect(fragment.status).toBe(403);
    const audit = await call(system.url, `{ sources(first: 1) { totalCount } statementWrites { totalCount } }`);
    expect(audit.status).toBe(401);
    // Reads stay open, also to the holder of a token that does not verify (it counts as no token).
    expect((await call(system.url, `{ sources(first: 1) { totalCount } }`)).body.data.sources.totalCount).toBeGreaterThan(0);
    expect((await call(system.url, `{ sources(first: 1) { totalCount } }`, {}, t.expired)).body.data.sources.totalCount).toBeGreaterThan(0);
    expect((await call(system.url, `{ statement(id: "stmt-w-auth") { id } }`)).body.data.statement).toBeNull();
  });

  it("the statement subgraph checks again: with the gateway secret but no forwarded caller, or one without the scope, it refuses", async () => {
    const statement = system.subgraphs.find((service) => service.name === "statement");
    if (!statement) throw new Error("no statement subgraph");
    const secret = { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET };
    const anonymous = await call(
      statement.url,
      `mutation($input: StatementInput!) { upsertStatement(input: $input) { outcome } }`,
      { input: statementInput("stmt-w-direct") },
      undefined,
      secret,
    );
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const unscoped = await call(
      statement.url,
      `mutation($input: StatementInput!) { upsertStatement(input: $input) { outcome } }`,
      { input: statementInput("stmt-w-direct") },
      undefined,
      {
        ...secret,
        [PRINCIPAL_HEADER]: JSON.stringify({ sub: "viewer-2", scopes: ["read"] }),
      },
    );
    expect(unscoped.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The forwarded caller is believed only beside the secret.
    const noSecret = await call(statement.url, `{ __typename }`, {}, undefined, {
      [PRINCIPAL_HEADER]: JSON.stringify({ sub: "eve", scopes: ["write:statement"] }),
    });
    expect(noSecret.status).toBe(401);
  });

  it("two writers at once on one SQLite database: the one that fails inside its transaction loses nothing the other was told was written", async () => {
    const statement = system.subgraphs.find((service) => service.name === "statement");
    if (!statement) throw new Error("no statement subgraph");
    // The failing writes go straight to the subgraph (as the gateway would send them), so that they
    // pass the gateway's reference check and fail inside their transaction, after writing their rows:
    // their source is missing. Without the per-database queue they would roll back the good writes
    // that joined their transaction on SQLite's single connection.
    const direct = { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET, [PRINCIPAL_HEADER]: JSON.stringify({ sub: "importer-7", scopes: ["write:statement"] }) };
    const failing = (i: number) =>
      call(
        statement.url,
        `mutation($input: StatementInput!) { upsertStatement(input: $input) { outcome } }`,
        { input: statementInput(`stmt-w-bad-${i}`, { evidence: { sourceId: "src-missing", sentence: "A sentence." } }) },
        undefined,
        direct,
      );
    const good = (i: number) => call(system.url, UPSERT, { input: statementInput(`stmt-w-good-${i}`) }, t.writer);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => [good(i), failing(i)]).flat());
    const goods = answers.filter((_, index) => index % 2 === 0);
    const bads = answers.filter((_, index) => index % 2 === 1);
    for (const answer of goods) expect(answer.body.data?.upsertStatement?.outcome).toBe("CREATED");
    for (const answer of bads) expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const ids = Array.from({ length: 12 }, (_, i) => `stmt-w-good-${i}`).concat(Array.from({ length: 12 }, (_, i) => `stmt-w-bad-${i}`));
    const found = await Promise.all(ids.map((id) => call(system.url, `{ statement(id: "${id}") { id appearances { id } } }`)));
    const present = found.map((answer) => answer.body.data.statement?.id).filter(Boolean);
    expect(present.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `stmt-w-good-${i}`).sort());
    for (const answer of found.slice(0, 12)) expect(answer.body.data.statement.appearances).toHaveLength(1);
    const audit = await call(system.url, AUDIT, {}, t.writer);
    const audited = audit.body.data.statementWrites.edges.map((edge: { node: { entityId: string } }) => edge.node.entityId);
    for (let i = 0; i < 12; i++) {
      expect(audited).toContain(`stmt-w-good-${i}`);
      expect(audited).not.toContain(`stmt-w-bad-${i}`);
    }
  });
});

describe("writes in the one-process mode (in-process subgraphs)", () => {
  it("forwards the verified caller to the subgraph, which checks and records it", async () => {
    const system = await startTestSystem("in-process", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET });
    try {
      const t = await tokens();
      const written = await call(system.url, UPSERT, { input: statementInput("stmt-w-local") }, t.writer);
      expect(written.body.data.upsertStatement.outcome).toBe("CREATED");
      expect((await call(system.url, UPSERT, { input: statementInput("stmt-w-local2") }, t.reader)).status).toBe(403);
      const audit = await call(system.url, AUDIT, {}, t.writer);
      expect(audit.body.data.statementWrites.edges.map((edge: { node: { by: string } }) => edge.node.by)).toEqual(["analyst-1"]);
    } finally {
      await system.stop();
    }
  });
});

describeWithPostgres("writes through the gateway on PostgreSQL", () => {
  mainPath(async () => {
    const databases = await createTestDatabases(`wr_writes_${process.pid}`);
    const urls: DatabaseUrls = databases.urls;
    const system = await startTestSystem("embedded", { NODE_ENV: "production", JWT_SECRET: TEST_JWT_SECRET }, urls);
    return {
      ...system,
      async stop() {
        await system.stop();
        await databases.drop();
      },
    };
  });
});
