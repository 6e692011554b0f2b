import { signToken } from "./support/tokens";
import { call, INTERNALS, nodeIds, onBothDatabases, refusal, type StartedWrites } from "./support/writes";

// The incident subgraph's writes through the real HTTP gateway in production mode: places (with
// aliases), incidents, participations and reports; each created, UNCHANGED on repeat, UPDATED on a
// change, read back with its evidence across subgraphs, retracted (gone from lists, search and name
// lookups, seen by an updatedSince sync with its reason), audited; refused without a token, without
// the scope, without evidence, with a bad id or a dangling reference, with nothing written.

const SOURCE = "src-000";
const ACTOR = "act-kataib-hezbollah";
const PARENT = "place-iraq";
const EVIDENCE = { sourceId: SOURCE, sentence: "A test sentence of the article." };

async function tokens() {
  return {
    writer: await signToken({ sub: "analyst-9", scope: "write:incident" }),
    statementWriter: await signToken({ sub: "analyst-1", scope: "write:statement" }),
    reader: await signToken({ sub: "viewer-2", scope: "read" }),
  };
}

function placeInput(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: "Qzorvath Junction",
    kind: "TOWN",
    countryCode: "iq",
    latitude: 33.1,
    longitude: 44.2,
    geoPrecision: 1,
    parentId: PARENT,
    aliases: [{ name: "Qzorvat", kind: "TRANSLITERATION", evidence: EVIDENCE }],
    evidence: EVIDENCE,
    importId: "import-inc-1",
    ...overrides,
  };
}

function incidentInput(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: "Drone attack at Qzorvath Junction",
    summary: "A drone struck a checkpoint near Qzorvath Junction; nobody was hurt.",
    type: "DRONE",
    acledEventType: "EXPLOSIONS_REMOTE_VIOLENCE",
    acledSubEventType: "AIR_DRONE_STRIKE",
    startsAt: "2023-12-20T04:00:00.000Z",
    timePrecision: "DAY",
    placeId: "place-w-qzorvath",
    evidence: EVIDENCE,
    ...overrides,
  };
}

const PLACE = /* GraphQL */ `
  mutation ($input: PlaceInput!) {
    upsertPlace(input: $input) {
      outcome
      writeId
      place {
        id
        name
        countryCode
        updatedAt
        retractedAt
        parent {
          id
        }
        aliases {
          name
          kind
          evidence {
            sentence
          }
        }
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
const INCIDENT = /* GraphQL */ `
  mutation ($input: IncidentInput!) {
    upsertIncident(input: $input) {
      outcome
      writeId
      incident {
        id
        title
        updatedAt
        retractedAt
        place {
          name
        }
        reports {
          account
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
const PARTICIPATION = /* GraphQL */ `
  mutation ($input: ParticipationInput!) {
    upsertParticipation(input: $input) {
      outcome
      writeId
      participation {
        id
        role
        basis
        updatedAt
        actor {
          id
          name
        }
        incident {
          id
        }
        evidence {
          sentence
          source {
            id
          }
        }
      }
    }
  }
`;
const REPORT = /* GraphQL */ `
  mutation ($input: IncidentReportInput!) {
    upsertIncidentReport(input: $input) {
      outcome
      writeId
      report {
        id
        account
        evidence {
          sentence
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
    incidentWrites(since: $since, first: 100) {
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

  it("upserts a place with aliases: created, UNCHANGED on repeat, UPDATED on change, found by its names, with its evidence", async () => {
    const before = await started.version();
    const first = await call(url, PLACE, { input: placeInput("place-w-qzorvath") }, t.writer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.upsertPlace).toMatchObject({
      outcome: "CREATED",
      writeId: expect.any(String),
      place: {
        id: "place-w-qzorvath",
        countryCode: "IQ",
        retractedAt: null,
        parent: { id: PARENT },
        aliases: [{ name: "Qzorvat", kind: "TRANSLITERATION", evidence: { sentence: EVIDENCE.sentence } }],
        evidence: { sentence: EVIDENCE.sentence, source: { id: SOURCE, title: expect.any(String) } },
      },
    });
    expect(await started.version()).toBeGreaterThan(before);
    const again = await call(url, PLACE, { input: placeInput("place-w-qzorvath") }, t.writer);
    expect(again.body.data.upsertPlace).toMatchObject({ outcome: "UNCHANGED", writeId: null });
    const changed = await call(
      url,
      PLACE,
      { input: placeInput("place-w-qzorvath", { aliases: [{ name: "Kzorvath", kind: "TRANSLITERATION", evidence: EVIDENCE }] }) },
      t.writer,
    );
    expect(changed.body.data.upsertPlace).toMatchObject({ outcome: "UPDATED", place: { aliases: [{ name: "Kzorvath" }] } });

    const read = await call(
      url,
      `{ byAlias: resolvePlace(name: "Kzorvath") { place { id } } oldAlias: resolvePlace(name: "Qzorvat") { place { id } matchedName } }`,
    );
    expect(read.body.data.byAlias[0]).toEqual({ place: { id: "place-w-qzorvath" } });
    // The replaced alias no longer names it (its name key went with it); only the canonical name may still match closely.
    expect(read.body.data.oldAlias.map((m: { matchedName: string }) => m.matchedName)).not.toContain("Qzorvat");
  });

  it("upserts an incident at that place, a participation of an actor of the actor subgraph and a report, and reads them back in one request", async () => {
    const first = await call(url, INCIDENT, { input: incidentInput("inc-w-1", { importId: "import-inc-1" }) }, t.writer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.upsertIncident).toMatchObject({
      outcome: "CREATED",
      incident: {
        id: "inc-w-1",
        retractedAt: null,
        place: { name: "Qzorvath Junction" },
        reports: [
          { account: expect.stringContaining("A drone struck"), evidence: { sentence: EVIDENCE.sentence, source: { id: SOURCE, title: expect.any(String) } } },
        ],
      },
    });
    expect((await call(url, INCIDENT, { input: incidentInput("inc-w-1", { importId: "import-inc-1" }) }, t.writer)).body.data.upsertIncident.outcome).toBe(
      "UNCHANGED",
    );
    const changed = await call(url, INCIDENT, { input: incidentInput("inc-w-1", { title: "Drone strike at Qzorvath Junction" }) }, t.writer);
    expect(changed.body.data.upsertIncident).toMatchObject({ outcome: "UPDATED", incident: { title: "Drone strike at Qzorvath Junction" } });

    const participation = { id: "part-w-1", incidentId: "inc-w-1", actorId: ACTOR, role: "PERPETRATOR", basis: "CLAIMED", evidence: EVIDENCE };
    const created = await call(url, PARTICIPATION, { input: participation }, t.writer);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.upsertParticipation).toMatchObject({
      outcome: "CREATED",
      participation: { id: "part-w-1", actor: { id: ACTOR, name: expect.any(String) }, incident: { id: "inc-w-1" }, evidence: { source: { id: SOURCE } } },
    });
    expect((await call(url, PARTICIPATION, { input: participation }, t.writer)).body.data.upsertParticipation.outcome).toBe("UNCHANGED");
    expect(
      (await call(url, PARTICIPATION, { input: { ...participation, basis: "ATTRIBUTED_BY_OFFICIALS" } }, t.writer)).body.data.upsertParticipation.outcome,
    ).toBe("UPDATED");

    const report = { id: "rep-w-1", incidentId: "inc-w-1", account: "The article calls it a drone strike.", evidence: EVIDENCE };
    expect((await call(url, REPORT, { input: report }, t.writer)).body.data.upsertIncidentReport.outcome).toBe("CREATED");
    expect((await call(url, REPORT, { input: report }, t.writer)).body.data.upsertIncidentReport.outcome).toBe("UNCHANGED");
    expect(
      (await call(url, REPORT, { input: { ...report, account: "The article calls it an attack." } }, t.writer)).body.data.upsertIncidentReport.outcome,
    ).toBe("UPDATED");

    const read = await call(
      url,
      `{ incident(id: "inc-w-1") { title place { name parent { id } } participants { id basis actor { name } } reports { id account } }
         incidents(first: 100, filter: { place: "Kzorvath" }) { edges { node { id } } }
         searchIncidents(query: "Qzorvath", first: 5) { edges { node { id } } }
         actor(id: "${ACTOR}") { incidents(first: 100, role: PERPETRATOR) { edges { node { id } } } } }`,
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.incident).toMatchObject({
      place: { name: "Qzorvath Junction", parent: { id: PARENT } },
      participants: [{ id: "part-w-1", basis: "ATTRIBUTED_BY_OFFICIALS", actor: { name: expect.any(String) } }],
    });
    expect(read.body.data.incident.reports.map((r: { id: string }) => r.id)).toContain("rep-w-1");
    expect(nodeIds(read.body.data.incidents)).toEqual(["inc-w-1"]);
    expect(nodeIds(read.body.data.searchIncidents)).toEqual(["inc-w-1"]);
    expect(nodeIds(read.body.data.actor.incidents)).toContain("inc-w-1");
  });

  it("retractions keep the rows, hide them from lists, search and name lookups, and show them with their reason to an updatedSince sync", async () => {
    const since = new Date().toISOString();
    const retractedPart = await call(url, retract("retractParticipation", "participation"), { input: { id: "part-w-1", reason: "Misread claim." } }, t.writer);
    expect(retractedPart.body.data.retractParticipation).toMatchObject({ outcome: "RETRACTED", participation: { retractedReason: "Misread claim." } });
    expect(
      (await call(url, retract("retractParticipation", "participation"), { input: { id: "part-w-1", reason: "again" } }, t.writer)).body.data
        .retractParticipation.outcome,
    ).toBe("UNCHANGED");
    const retractedReport = await call(url, retract("retractIncidentReport", "report"), { input: { id: "rep-w-1", reason: "Duplicate." } }, t.writer);
    expect(retractedReport.body.data.retractIncidentReport.outcome).toBe("RETRACTED");

    const afterFacts = await call(
      url,
      `query($since: DateTime) { incident(id: "inc-w-1") { participants { id } reports { id } }
         sync: incidents(first: 100, filter: { updatedSince: $since }) { edges { node { id participants(includeRetracted: true) { id retractedAt retractedReason } reports(includeRetracted: true) { id retractedReason } } } }
         actor(id: "${ACTOR}") { incidents(first: 100, role: PERPETRATOR) { edges { node { id } } } participations { id } } }`,
      { since },
    );
    expect(afterFacts.body.errors).toBeUndefined();
    expect(afterFacts.body.data.incident.participants).toEqual([]);
    expect(afterFacts.body.data.incident.reports.map((r: { id: string }) => r.id)).not.toContain("rep-w-1");
    expect(afterFacts.body.data.sync.edges).toEqual([
      {
        node: {
          id: "inc-w-1",
          participants: [{ id: "part-w-1", retractedAt: expect.any(String), retractedReason: "Misread claim." }],
          reports: expect.arrayContaining([{ id: "rep-w-1", retractedReason: "Duplicate." }]),
        },
      },
    ]);
    expect(nodeIds(afterFacts.body.data.actor.incidents)).not.toContain("inc-w-1");
    expect(afterFacts.body.data.actor.participations.map((p: { id: string }) => p.id)).not.toContain("part-w-1");

    const retractedIncident = await call(
      url,
      retract("retractIncident", "incident"),
      { input: { id: "inc-w-1", reason: "Not an incident.", importId: "fix-1" } },
      t.writer,
    );
    expect(retractedIncident.body.data.retractIncident).toMatchObject({ outcome: "RETRACTED", incident: { retractedAt: expect.any(String) } });
    const retractedPlace = await call(url, retract("retractPlace", "place"), { input: { id: "place-w-qzorvath", reason: "Invented place." } }, t.writer);
    expect(retractedPlace.body.data.retractPlace.outcome).toBe("RETRACTED");

    const read = await call(
      url,
      `query($since: DateTime) {
         byId: incident(id: "inc-w-1") { id retractedAt retractedReason }
         all: incidents(first: 100) { edges { node { id } } }
         sync: incidents(first: 100, filter: { updatedSince: $since }) { edges { node { id retractedAt retractedReason } } }
         search: searchIncidents(query: "Qzorvath", first: 5) { totalCount }
         facets: incidentFacets { total }
         place(id: "place-w-qzorvath") { id retractedAt }
         places(first: 100) { edges { node { id } } }
         placeSync: places(first: 100, updatedSince: $since) { edges { node { id retractedReason } } }
         resolvePlace(name: "Qzorvath Junction") { place { id } }
       }`,
      { since },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.byId).toEqual({ id: "inc-w-1", retractedAt: expect.any(String), retractedReason: "Not an incident." });
    expect(nodeIds(read.body.data.all)).not.toContain("inc-w-1");
    expect(read.body.data.sync.edges).toEqual([{ node: { id: "inc-w-1", retractedAt: expect.any(String), retractedReason: "Not an incident." } }]);
    expect(read.body.data.search.totalCount).toBe(0);
    expect(read.body.data.place).toEqual({ id: "place-w-qzorvath", retractedAt: expect.any(String) });
    expect(nodeIds(read.body.data.places)).not.toContain("place-w-qzorvath");
    expect(read.body.data.placeSync.edges).toEqual([{ node: { id: "place-w-qzorvath", retractedReason: "Invented place." } }]);
    expect(read.body.data.resolvePlace.map((m: { place: { id: string } }) => m.place.id)).not.toContain("place-w-qzorvath");

    const audit = await call(url, AUDIT, { since }, t.reader);
    expect(audit.body.data.incidentWrites.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { by: "analyst-9", operation: "retractParticipation", entityType: "Participation", entityId: "part-w-1", outcome: "RETRACTED", importId: null },
      { by: "analyst-9", operation: "retractIncidentReport", entityType: "IncidentReport", entityId: "rep-w-1", outcome: "RETRACTED", importId: null },
      { by: "analyst-9", operation: "retractIncident", entityType: "Incident", entityId: "inc-w-1", outcome: "RETRACTED", importId: "fix-1" },
      { by: "analyst-9", operation: "retractPlace", entityType: "Place", entityId: "place-w-qzorvath", outcome: "RETRACTED", importId: null },
    ]);

    // Upserting it again restores it, in lists and search.
    const restored = await call(url, INCIDENT, { input: incidentInput("inc-w-1", { placeId: PARENT }) }, t.writer);
    expect(restored.body.data.upsertIncident).toMatchObject({ outcome: "UPDATED", incident: { retractedAt: null } });
    expect((await call(url, `{ searchIncidents(query: "Qzorvath", first: 5) { totalCount } }`)).body.data.searchIncidents.totalCount).toBe(1);
  });

  it("refuses without a token (401), without the scope (403), and bad input with 400 BAD_USER_INPUT naming the field, writing nothing", async () => {
    const before = (await call(url, AUDIT, {}, t.reader)).body.data.incidentWrites.totalCount;
    const version = await started.version();
    const anonymous = await call(url, INCIDENT, { input: incidentInput("inc-w-refused") });
    expect({ status: anonymous.status, code: anonymous.body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    for (const token of [t.statementWriter, t.reader]) {
      const forbidden = await call(url, retract("retractPlace", "place"), { input: { id: PARENT, reason: "r" } }, token);
      expect({ status: forbidden.status, code: forbidden.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
    }
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [INCIDENT, incidentInput("inc-w-refused", { evidence: undefined }), "input.evidence", /`input.evidence` is missing/],
      [INCIDENT, incidentInput("inc w refused!"), "input.id", /is not a valid id/],
      [
        INCIDENT,
        incidentInput("inc-w-refused", { placeId: "place-nowhere" }),
        "upsertIncident.input.placeId",
        /names Place "place-nowhere", which does not exist/,
      ],
      [
        INCIDENT,
        incidentInput("inc-w-refused", { evidence: { sourceId: "src-missing", sentence: "A sentence." } }),
        "upsertIncident.input.evidence.sourceId",
        /Source "src-missing"/,
      ],
      [INCIDENT, incidentInput("inc-w-refused", { endsAt: "2023-12-19T00:00:00.000Z" }), "input.endsAt", /is before/],
      [PLACE, placeInput("place-w-refused", { latitude: 123 }), "input.latitude", /between -90 and 90/],
      [PLACE, placeInput("place-w-refused", { aliases: [{ name: "X", kind: "TRANSLITERATION" }] }), "input.aliases[0].evidence", /is missing/],
      [
        PARTICIPATION,
        { id: "part-w-refused", incidentId: "inc-w-1", actorId: "act-nobody", role: "PERPETRATOR", basis: "CLAIMED", evidence: EVIDENCE },
        "upsertParticipation.input.actorId",
        /names Actor "act-nobody"/,
      ],
      [
        REPORT,
        { id: "rep-w-refused", incidentId: "inc-nowhere", account: "x", evidence: EVIDENCE },
        "upsertIncidentReport.input.incidentId",
        /names Incident "inc-nowhere"/,
      ],
      [REPORT, { id: "rep-w-refused", incidentId: "inc-w-1", account: " ", evidence: EVIDENCE }, "input.account", /is empty/],
    ];
    for (const [mutation, input, argument, message] of cases) {
      const answer = await call(url, mutation, { input }, t.writer);
      expect(refusal(answer)).toEqual({ status: 400, code: "BAD_USER_INPUT", argument });
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.text).not.toMatch(INTERNALS);
    }
    const retractMissing = await call(url, retract("retractIncident", "incident"), { input: { id: "inc-nowhere", reason: "r" } }, t.writer);
    expect(refusal(retractMissing)).toEqual({ status: 400, code: "BAD_USER_INPUT", argument: "input.id" });
    const after = await call(url, `{ incident(id: "inc-w-refused") { id } place(id: "place-w-refused") { id } }`);
    expect(after.body.data).toEqual({ incident: null, place: null });
    expect((await call(url, AUDIT, {}, t.reader)).body.data.incidentWrites.totalCount).toBe(before);
    expect(await started.version()).toBe(version);
  });
}

onBothDatabases("incident writes through the gateway", "incident", mainPath);
