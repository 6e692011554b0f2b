import { signToken } from "./support/tokens";
import { call, INTERNALS, nodeIds, onBothDatabases, refusal, type StartedWrites } from "./support/writes";

// The actor subgraph's writes through the real HTTP gateway in production mode: actors, aliases and
// affiliations; each created, UNCHANGED on repeat, UPDATED on a change, found by `resolveActor`,
// retracted (gone from lists and name lookups, seen by an `actors(updatedSince:)` sync with its
// reason), audited; refused without a token, without the scope, or with bad input, writing nothing.

const SOURCE = "src-000";
const ORGANIZATION = "act-iraq";
const EVIDENCE = { sourceId: SOURCE, sentence: "A test sentence that names the group." };

async function tokens() {
  return {
    writer: await signToken({ sub: "curator-3", scope: "write:actor" }),
    incidentWriter: await signToken({ sub: "analyst-9", scope: "write:incident" }),
    reader: await signToken({ sub: "viewer-2", scope: "read" }),
  };
}

function actorInput(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: "Brigade of Xylophon", kind: "ARMED_GROUP", countryCode: "iq", evidence: EVIDENCE, importId: "import-act-1", ...overrides };
}

const ACTOR = /* GraphQL */ `
  mutation ($input: ActorInput!) {
    upsertActor(input: $input) {
      outcome
      writeId
      actor {
        id
        name
        countryCode
        updatedAt
        retractedAt
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
`;
const ALIAS = /* GraphQL */ `
  mutation ($input: AliasInput!) {
    upsertAlias(input: $input) {
      outcome
      writeId
      alias {
        id
        name
        kind
        evidence {
          sentence
        }
      }
    }
  }
`;
const AFFILIATION = /* GraphQL */ `
  mutation ($input: AffiliationInput!) {
    upsertAffiliation(input: $input) {
      outcome
      writeId
      affiliation {
        id
        role
        actor {
          id
        }
        organization {
          id
          name
        }
      }
    }
  }
`;
const retract = (field: string, result: string) => /* GraphQL */ `
  mutation ($input: RetractInput!) { ${field}(input: $input) { outcome writeId ${result} { id retractedAt retractedReason updatedAt } } }
`;
const AUDIT = /* GraphQL */ `
  query ($since: DateTime) {
    actorWrites(since: $since, first: 100) {
      totalCount
      edges {
        node {
          by
          operation
          entityType
          entityId
          outcome
          importId
        }
      }
    }
  }
`;
/** The ids of the actors a `resolveActor` list matched, best first. */
const matched = (matches: { actor: { id: string } }[]): string[] => matches.map((m) => m.actor.id);

function mainPath(start: () => Promise<StartedWrites>): void {
  let started: StartedWrites;
  let url: string;
  let t: Awaited<ReturnType<typeof tokens>>;
  beforeAll(async () => {
    started = await start();
    url = started.system.url;
    t = await tokens();
  });
  afterAll(async () => {
    await started?.system.stop();
  });

  it("upserts an actor, an alias and an affiliation: created, UNCHANGED on repeat, UPDATED on change, found by every name, with evidence", async () => {
    const before = await started.version();
    const first = await call(url, ACTOR, { input: actorInput("act-w-xylophon") }, t.writer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.upsertActor).toMatchObject({
      outcome: "CREATED",
      writeId: expect.any(String),
      actor: {
        id: "act-w-xylophon",
        countryCode: "IQ",
        retractedAt: null,
        evidence: { sentence: EVIDENCE.sentence, source: { id: SOURCE, title: expect.any(String) } },
      },
    });
    expect(await started.version()).toBeGreaterThan(before);
    expect((await call(url, ACTOR, { input: actorInput("act-w-xylophon") }, t.writer)).body.data.upsertActor).toMatchObject({
      outcome: "UNCHANGED",
      writeId: null,
    });
    const renamed = await call(url, ACTOR, { input: actorInput("act-w-xylophon", { name: "Brigades of Xylophon" }) }, t.writer);
    expect(renamed.body.data.upsertActor).toMatchObject({ outcome: "UPDATED", actor: { name: "Brigades of Xylophon" } });

    const alias = { id: "alias-w-1", actorId: "act-w-xylophon", name: "Kata'ib Xylofon", kind: "TRANSLITERATION", evidence: EVIDENCE };
    expect((await call(url, ALIAS, { input: alias }, t.writer)).body.data.upsertAlias).toMatchObject({
      outcome: "CREATED",
      alias: { id: "alias-w-1", name: "Kata'ib Xylofon" },
    });
    expect((await call(url, ALIAS, { input: alias }, t.writer)).body.data.upsertAlias.outcome).toBe("UNCHANGED");
    expect((await call(url, ALIAS, { input: { ...alias, kind: "MISSPELLING" } }, t.writer)).body.data.upsertAlias.outcome).toBe("UPDATED");

    const affiliation = { id: "aff-w-x", actorId: "act-w-xylophon", organizationId: ORGANIZATION, role: "MEMBER_OF", evidence: EVIDENCE };
    expect((await call(url, AFFILIATION, { input: affiliation }, t.writer)).body.data.upsertAffiliation).toMatchObject({
      outcome: "CREATED",
      affiliation: { actor: { id: "act-w-xylophon" }, organization: { id: ORGANIZATION, name: "Iraq" } },
    });
    expect((await call(url, AFFILIATION, { input: affiliation }, t.writer)).body.data.upsertAffiliation.outcome).toBe("UNCHANGED");

    const read = await call(
      url,
      `{ byName: resolveActor(name: "Brigades of Xylophon") { actor { id } } byAlias: resolveActor(name: "Kataib Xylofon") { actor { id } matchedName }
         oldName: resolveActor(name: "Brigade of Xylophon") { actor { id } matchedName }
         actor(id: "act-w-xylophon") { aliases { id kind } affiliations { id } }
         actors(first: 100, kind: ARMED_GROUP) { edges { node { id } } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(matched(read.body.data.byName)[0]).toBe("act-w-xylophon");
    expect(read.body.data.byAlias[0]).toEqual({ actor: { id: "act-w-xylophon" }, matchedName: "Kata'ib Xylofon" });
    // The old name's keys went with the rename: only the new name can still match, closely.
    expect(read.body.data.oldName.map((m: { matchedName: string }) => m.matchedName)).not.toContain("Brigade of Xylophon");
    expect(read.body.data.actor).toEqual({ aliases: [{ id: "alias-w-1", kind: "MISSPELLING" }], affiliations: [{ id: "aff-w-x" }] });
    expect(nodeIds(read.body.data.actors)).toContain("act-w-xylophon");
  });

  it("retractions keep the rows, hide them from lists and name lookups, and show them with their reason to an actors(updatedSince:) sync", async () => {
    const since = new Date().toISOString();
    const alias = await call(url, retract("retractAlias", "alias"), { input: { id: "alias-w-1", reason: "Not a name of it." } }, t.writer);
    expect(alias.body.data.retractAlias).toMatchObject({ outcome: "RETRACTED", alias: { retractedReason: "Not a name of it." } });
    expect((await call(url, retract("retractAlias", "alias"), { input: { id: "alias-w-1", reason: "again" } }, t.writer)).body.data.retractAlias.outcome).toBe(
      "UNCHANGED",
    );
    const affiliation = await call(url, retract("retractAffiliation", "affiliation"), { input: { id: "aff-w-x", reason: "Wrong body." } }, t.writer);
    expect(affiliation.body.data.retractAffiliation.outcome).toBe("RETRACTED");

    const afterParts = await call(
      url,
      `query($since: DateTime) { byAlias: resolveActor(name: "Kataib Xylofon") { actor { id } }
         actor(id: "act-w-xylophon") { aliases { id } affiliations { id } }
         organization: actor(id: "${ORGANIZATION}") { affiliates { id } }
         sync: actors(first: 100, updatedSince: $since) { edges { node { id aliases(includeRetracted: true) { id retractedReason } affiliations(includeRetracted: true) { id retractedReason } } } } }`,
      { since },
    );
    expect(afterParts.body.errors).toBeUndefined();
    expect(matched(afterParts.body.data.byAlias)).not.toContain("act-w-xylophon");
    expect(afterParts.body.data.actor).toEqual({ aliases: [], affiliations: [] });
    expect(afterParts.body.data.organization.affiliates.map((a: { id: string }) => a.id)).not.toContain("aff-w-x");
    expect(afterParts.body.data.sync.edges).toContainEqual({
      node: {
        id: "act-w-xylophon",
        aliases: [{ id: "alias-w-1", retractedReason: "Not a name of it." }],
        affiliations: [{ id: "aff-w-x", retractedReason: "Wrong body." }],
      },
    });

    const actor = await call(
      url,
      retract("retractActor", "actor"),
      { input: { id: "act-w-xylophon", reason: "Invented group.", importId: "fix-2" } },
      t.writer,
    );
    expect(actor.body.data.retractActor).toMatchObject({ outcome: "RETRACTED", actor: { retractedAt: expect.any(String) } });
    const read = await call(
      url,
      `query($since: DateTime) { byId: actor(id: "act-w-xylophon") { id retractedAt retractedReason }
         byName: resolveActor(name: "Brigades of Xylophon") { actor { id } }
         actors(first: 100, kind: ARMED_GROUP) { edges { node { id } } }
         withRetracted: actors(first: 100, kind: ARMED_GROUP, includeRetracted: true) { edges { node { id } } }
         sync: actors(first: 100, updatedSince: $since) { edges { node { id retractedReason } } } }`,
      { since },
    );
    expect(read.body.data.byId).toEqual({ id: "act-w-xylophon", retractedAt: expect.any(String), retractedReason: "Invented group." });
    expect(matched(read.body.data.byName)).not.toContain("act-w-xylophon");
    expect(nodeIds(read.body.data.actors)).not.toContain("act-w-xylophon");
    expect(nodeIds(read.body.data.withRetracted)).toContain("act-w-xylophon");
    expect(read.body.data.sync.edges).toContainEqual({ node: { id: "act-w-xylophon", retractedReason: "Invented group." } });

    const audit = await call(url, AUDIT, { since }, t.reader);
    expect(audit.body.data.actorWrites.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { by: "curator-3", operation: "retractAlias", entityType: "ActorAlias", entityId: "alias-w-1", outcome: "RETRACTED", importId: null },
      { by: "curator-3", operation: "retractAffiliation", entityType: "Affiliation", entityId: "aff-w-x", outcome: "RETRACTED", importId: null },
      { by: "curator-3", operation: "retractActor", entityType: "Actor", entityId: "act-w-xylophon", outcome: "RETRACTED", importId: "fix-2" },
    ]);

    // Upserting it again restores it, and its name finds it again.
    expect((await call(url, ACTOR, { input: actorInput("act-w-xylophon", { name: "Brigades of Xylophon" }) }, t.writer)).body.data.upsertActor.outcome).toBe(
      "UPDATED",
    );
    expect(matched((await call(url, `{ resolveActor(name: "Brigades of Xylophon") { actor { id } } }`)).body.data.resolveActor)[0]).toBe("act-w-xylophon");
  });

  it("refuses without a token (401), without the scope (403), and bad input with 400 BAD_USER_INPUT naming the field, writing nothing", async () => {
    const before = (await call(url, AUDIT, {}, t.reader)).body.data.actorWrites.totalCount;
    const version = await started.version();
    const anonymous = await call(url, ACTOR, { input: actorInput("act-w-refused") });
    expect({ status: anonymous.status, code: anonymous.body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    for (const token of [t.incidentWriter, t.reader]) {
      const forbidden = await call(url, retract("retractActor", "actor"), { input: { id: ORGANIZATION, reason: "r" } }, token);
      expect({ status: forbidden.status, code: forbidden.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
    }
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [ACTOR, actorInput("act-w-refused", { evidence: undefined }), "input.evidence", /`input.evidence` is missing/],
      [ACTOR, actorInput("act/w/refused"), "input.id", /is not a valid id/],
      [ACTOR, actorInput("act-w-refused", { name: "  " }), "input.name", /is empty/],
      [
        ACTOR,
        actorInput("act-w-refused", { evidence: { sourceId: "src-missing", sentence: "A sentence." } }),
        "upsertActor.input.evidence.sourceId",
        /Source "src-missing"/,
      ],
      [
        ALIAS,
        { id: "alias-w-refused", actorId: "act-nobody", name: "X", kind: "MISSPELLING", evidence: EVIDENCE },
        "upsertAlias.input.actorId",
        /names Actor "act-nobody"/,
      ],
      [ALIAS, { id: "alias-w-refused", actorId: ORGANIZATION, name: "X", kind: "MISSPELLING" }, "input.evidence", /is missing/],
    ];
    for (const [mutation, input, argument, message] of cases) {
      const answer = await call(url, mutation, { input }, t.writer);
      expect(refusal(answer)).toEqual({ status: 400, code: "BAD_USER_INPUT", argument });
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.text).not.toMatch(INTERNALS);
    }
    expect(refusal(await call(url, retract("retractAlias", "alias"), { input: { id: "alias-nowhere", reason: "r" } }, t.writer))).toEqual({
      status: 400,
      code: "BAD_USER_INPUT",
      argument: "input.id",
    });
    expect((await call(url, `{ actor(id: "act-w-refused") { id } }`)).body.data).toEqual({ actor: null });
    expect((await call(url, AUDIT, {}, t.reader)).body.data.actorWrites.totalCount).toBe(before);
    expect(await started.version()).toBe(version);
  });
}

onBothDatabases("actor writes through the gateway", "actor", mainPath);
