import { signToken } from "./support/tokens";
import { call, INTERNALS, nodeIds, onBothDatabases, refusal, type StartedWrites } from "./support/writes";

// The statement subgraph's writes of sources and the retraction of figures, through the real HTTP
// gateway in production mode (statements and the upsert of figures: test/writes.e2e.test.ts). A new
// article is created, UNCHANGED on repeat, UPDATED on change, cited as evidence by a figure in the
// same subgraph and by a participation in the incident subgraph, retracted (gone from `sources`,
// seen by a `sources(updatedSince:)` sync); a figure is retracted (gone from lists and series, seen
// by a `figures(filter: { updatedSince })` sync); refusals write nothing.

const OUTLET = "act-ap";
const SPEAKER = "act-matthew-miller";
const INCIDENT = "inc-2023-12-01-kirkuk-strike";

async function tokens() {
  return {
    writer: await signToken({ sub: "editor-5", scope: "write:statement write:incident" }),
    actorWriter: await signToken({ sub: "curator-3", scope: "write:actor" }),
    reader: await signToken({ sub: "viewer-2", scope: "read" }),
  };
}

function sourceInput(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: "Militia claims a drone strike near Qzorvath",
    text: "A militia said on Wednesday it had struck a base with a drone. At least 3 people were hurt, officials said.",
    publishedOn: "2023-12-20",
    outletId: OUTLET,
    importId: "import-src-1",
    ...overrides,
  };
}

const SOURCE = /* GraphQL */ `
  mutation ($input: SourceInput!) {
    upsertSource(input: $input) {
      outcome
      writeId
      source {
        id
        title
        publishedOn
        updatedAt
        retractedAt
        outlet {
          id
          name
        }
      }
    }
  }
`;
const FIGURE = /* GraphQL */ `
  mutation ($input: FigureInput!) {
    upsertFigure(input: $input) {
      outcome
      figure {
        id
        evidence {
          source {
            id
            title
          }
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
        }
      }
    }
  }
`;

function figureInput(id: string): Record<string, unknown> {
  return {
    id,
    metric: "US_PERSONNEL_INJURED",
    value: 3,
    qualifier: "AT_LEAST",
    asOf: "2023-12-20",
    reportedById: SPEAKER,
    incidentId: INCIDENT,
    rank: "NORMAL",
    rawText: "at least 3",
    evidence: { sourceId: "src-w-1", sentence: "At least 3 people were hurt, officials said." },
  };
}

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

  it("upserts a source article: created, UNCHANGED on repeat, UPDATED on change, then cited as evidence in two subgraphs", async () => {
    const before = await started.version();
    const first = await call(url, SOURCE, { input: sourceInput("src-w-1") }, t.writer);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.upsertSource).toMatchObject({
      outcome: "CREATED",
      writeId: expect.any(String),
      source: { id: "src-w-1", publishedOn: "2023-12-20", retractedAt: null, outlet: { id: OUTLET, name: expect.any(String) } },
    });
    expect(await started.version()).toBeGreaterThan(before);
    expect((await call(url, SOURCE, { input: sourceInput("src-w-1") }, t.writer)).body.data.upsertSource).toMatchObject({
      outcome: "UNCHANGED",
      writeId: null,
    });
    const changed = await call(url, SOURCE, { input: sourceInput("src-w-1", { title: "Militia claims drone strike" }) }, t.writer);
    expect(changed.body.data.upsertSource).toMatchObject({ outcome: "UPDATED", source: { title: "Militia claims drone strike" } });

    // The new article is evidence the gateway's reference check accepts, here and in the incident subgraph.
    const figure = await call(url, FIGURE, { input: figureInput("fig-w-src") }, t.writer);
    expect(figure.body.data.upsertFigure).toMatchObject({
      outcome: "CREATED",
      figure: { evidence: { source: { id: "src-w-1", title: "Militia claims drone strike" } } },
    });
    const participation = await call(
      url,
      `mutation($input: ParticipationInput!) { upsertParticipation(input: $input) { outcome participation { evidence { source { id title } } } } }`,
      {
        input: {
          id: "part-w-src",
          incidentId: INCIDENT,
          actorId: "act-kataib-hezbollah",
          role: "PERPETRATOR",
          basis: "CLAIMED",
          evidence: { sourceId: "src-w-1", sentence: "A militia said on Wednesday it had struck a base with a drone." },
        },
      },
      t.writer,
    );
    expect(participation.body.data.upsertParticipation).toMatchObject({ outcome: "CREATED", participation: { evidence: { source: { id: "src-w-1" } } } });
    expect(nodeIds((await call(url, `{ sources(first: 100) { edges { node { id } } } }`)).body.data.sources)).toContain("src-w-1");
  });

  it("retracts a figure and a source: gone from lists and series, shown with their reason to updatedSince syncs, audited", async () => {
    const since = new Date().toISOString();
    const figure = await call(url, retract("retractFigure", "figure"), { input: { id: "fig-w-src", reason: "Double count." } }, t.writer);
    expect(figure.body.data.retractFigure).toMatchObject({ outcome: "RETRACTED", figure: { retractedReason: "Double count." } });
    expect(
      (await call(url, retract("retractFigure", "figure"), { input: { id: "fig-w-src", reason: "again" } }, t.writer)).body.data.retractFigure.outcome,
    ).toBe("UNCHANGED");
    const source = await call(
      url,
      retract("retractSource", "source"),
      { input: { id: "src-w-1", reason: "Fabricated article.", importId: "fix-3" } },
      t.writer,
    );
    expect(source.body.data.retractSource).toMatchObject({ outcome: "RETRACTED", source: { retractedAt: expect.any(String) } });

    const read = await call(
      url,
      `query($since: DateTime) {
         figure(id: "fig-w-src") { id retractedAt }
         figures(first: 100, filter: { metrics: [US_PERSONNEL_INJURED] }) { edges { node { id } } }
         figureSeries(metric: US_PERSONNEL_INJURED) { points { figures { id } } }
         figureSync: figures(first: 100, filter: { updatedSince: $since }) { edges { node { id retractedReason } } }
         incident(id: "${INCIDENT}") { figures { id } }
         source(id: "src-w-1") { id retractedAt retractedReason }
         sources(first: 100) { edges { node { id } } }
         sourceSync: sources(first: 100, updatedSince: $since) { edges { node { id retractedReason } } }
       }`,
      { since },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.figure).toEqual({ id: "fig-w-src", retractedAt: expect.any(String) });
    expect(nodeIds(read.body.data.figures)).not.toContain("fig-w-src");
    expect(read.body.data.figureSeries.points.flatMap((p: { figures: { id: string }[] }) => p.figures.map((f) => f.id))).not.toContain("fig-w-src");
    expect(read.body.data.figureSync.edges).toEqual([{ node: { id: "fig-w-src", retractedReason: "Double count." } }]);
    expect(read.body.data.incident.figures.map((f: { id: string }) => f.id)).not.toContain("fig-w-src");
    expect(read.body.data.source).toEqual({ id: "src-w-1", retractedAt: expect.any(String), retractedReason: "Fabricated article." });
    expect(nodeIds(read.body.data.sources)).not.toContain("src-w-1");
    expect(read.body.data.sourceSync.edges).toEqual([{ node: { id: "src-w-1", retractedReason: "Fabricated article." } }]);

    const audit = await call(url, AUDIT, { since }, t.reader);
    expect(audit.body.data.statementWrites.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { by: "editor-5", operation: "retractFigure", entityType: "ReportedFigure", entityId: "fig-w-src", outcome: "RETRACTED", importId: null },
      { by: "editor-5", operation: "retractSource", entityType: "Source", entityId: "src-w-1", outcome: "RETRACTED", importId: "fix-3" },
    ]);
  });

  it("refuses without a token (401), without the scope (403), and bad input with 400 BAD_USER_INPUT naming the field, writing nothing", async () => {
    const before = (await call(url, AUDIT, {}, t.reader)).body.data.statementWrites.totalCount;
    const version = await started.version();
    const anonymous = await call(url, SOURCE, { input: sourceInput("src-w-refused") });
    expect({ status: anonymous.status, code: anonymous.body.errors?.[0]?.extensions?.code }).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    for (const token of [t.actorWriter, t.reader]) {
      const forbidden = await call(url, retract("retractSource", "source"), { input: { id: "src-000", reason: "r" } }, token);
      expect({ status: forbidden.status, code: forbidden.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: "FORBIDDEN" });
    }
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [sourceInput("src w refused"), "input.id", /is not a valid id/],
      [sourceInput("src-w-refused", { text: " " }), "input.text", /is empty/],
      [sourceInput("src-w-refused", { outletId: "act-nobody" }), "upsertSource.input.outletId", /names Actor "act-nobody"/],
    ];
    for (const [input, argument, message] of cases) {
      const answer = await call(url, SOURCE, { input }, t.writer);
      expect(refusal(answer)).toEqual({ status: 400, code: "BAD_USER_INPUT", argument });
      expect(answer.body.errors?.[0]?.message).toMatch(message);
      expect(answer.text).not.toMatch(INTERNALS);
    }
    const reasonless = await call(url, retract("retractFigure", "figure"), { input: { id: "fig-w-src", reason: "" } }, t.writer);
    expect(refusal(reasonless)).toEqual({ status: 400, code: "BAD_USER_INPUT", argument: "input.reason" });
    expect((await call(url, `{ source(id: "src-w-refused") { id } }`)).body.data).toEqual({ source: null });
    expect((await call(url, AUDIT, {}, t.reader)).body.data.statementWrites.totalCount).toBe(before);
    expect(await started.version()).toBe(version);
  });
}

onBothDatabases("source and figure writes through the gateway", "statement", mainPath);
