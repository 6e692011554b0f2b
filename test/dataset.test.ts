import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleJsonSchema } from "../schema/bundle-schema";
import { readActorDataset } from "../subgraphs/actor/bundle";
import { ActorKind } from "../subgraphs/actor/enums";
import { readIncidentDataset } from "../subgraphs/incident/bundle";
import { ClaimStatus, CountQualifier, IncidentLinkKind, MunitionKind, TimePrecision } from "../subgraphs/incident/enums";
import { BUNDLE_SCHEMA } from "../subgraphs";
import { BundleError, bundleFiles, datasetDir } from "../subgraphs/lib/bundle-file";
import { readStatementDataset } from "../subgraphs/statement/bundle";
import { FigureMetric, FigureQualifier, FigureRank } from "../subgraphs/statement/enums";

// The hand-built seed dataset (dataset/*.json): every fact traceable to a sentence of its article,
// every id unique, every reference resolvable, and the key disagreements between the articles kept
// side by side. Read through the same readers the seeds use.

const DATASET = datasetDir();
const incidentDataset = readIncidentDataset(DATASET);
const actorDataset = readActorDataset(DATASET);
const statementDataset = readStatementDataset(DATASET);

const EMBASSY = "inc-2023-12-08-baghdad-embassy";

interface FoundEvidence {
  path: string;
  sourceId: string;
  sentence: string;
  garbled?: boolean;
  note?: string | null;
}

/** Every object anywhere in `value` that has a string `sourceId` and a string `sentence`. */
function collectEvidence(value: unknown, path: string, out: FoundEvidence[]): FoundEvidence[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectEvidence(item, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.sourceId === "string" && typeof record.sentence === "string") {
      out.push({
        path,
        sourceId: record.sourceId,
        sentence: record.sentence,
        garbled: record.garbled as boolean | undefined,
        note: record.note as string | null | undefined,
      });
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== "text") collectEvidence(child, `${path}.${key}`, out);
    }
  }
  return out;
}

const allEvidence = [
  ...collectEvidence(incidentDataset, "incident", []),
  ...collectEvidence(actorDataset, "actor", []),
  ...collectEvidence(statementDataset, "statement", []),
];

const sourceText = new Map(statementDataset.sources.map((source) => [source.id, source.text]));
const actorIds = new Set(actorDataset.actors.map((actor) => actor.id));
const incidentIds = new Set(incidentDataset.incidents.map((incident) => incident.id));
const placeIds = new Set(incidentDataset.places.map((place) => place.id));
const statementIds = new Set(statementDataset.statements.map((statement) => statement.id));
const sourceIds = new Set(statementDataset.sources.map((source) => source.id));
const actorById = new Map(actorDataset.actors.map((actor) => [actor.id, actor]));

/** Dangling references as "table[i].column -> value", for readable failures. */
function dangling<T>(table: string, rows: T[], column: keyof T & string, ids: Set<string>, optional = false): string[] {
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const value = row[column] as unknown;
    if (value === undefined || value === null) {
      if (!optional) problems.push(`${table}[${i}].${column} is missing`);
    } else if (typeof value !== "string" || !ids.has(value)) {
      problems.push(`${table}[${i}].${column} -> ${String(value)}`);
    }
  });
  return problems;
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const value of values) (seen.has(value) ? dups : seen).add(value);
  return [...dups];
}

describe("bundles", () => {
  const relative = (file: string) => file.slice(DATASET.length + 1);

  it("are the shared bundle and one bundle per article, each holding its own source", () => {
    expect(bundleFiles(DATASET).map(relative)).toEqual(["common.json", ...statementDataset.sources.map((source) => `articles/${source.id}.json`)]);
    for (const source of statementDataset.sources) {
      const bundle = JSON.parse(readFileSync(join(DATASET, "articles", `${source.id}.json`), "utf8"));
      expect(bundle.statement.sources).toEqual([expect.objectContaining({ id: source.id })]);
    }
  });

  it("validate, every one of them, against the one bundle schema", () => {
    for (const file of bundleFiles(DATASET)) {
      const result = BUNDLE_SCHEMA.safeParse(JSON.parse(readFileSync(file, "utf8")));
      expect([relative(file), result.error?.issues ?? []]).toEqual([relative(file), []]);
    }
  });

  it("publish the schema they are validated with (npm run schema regenerates it)", () => {
    expect(readFileSync(join(DATASET, "bundle.schema.json"), "utf8")).toBe(bundleJsonSchema());
  });

  describe("that are wrong", () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "bundle-"));
      mkdirSync(join(dir, "articles"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const write = (file: string, bundle: unknown) => writeFileSync(join(dir, file), JSON.stringify(bundle));
    const refusal = (read: () => unknown): BundleError => {
      try {
        read();
      } catch (error) {
        if (error instanceof BundleError) return error;
        throw error;
      }
      throw new Error("the bundle was accepted");
    };
    const good = JSON.parse(readFileSync(join(DATASET, "articles", "src-004.json"), "utf8"));

    it("are refused with the file and the JSON path of a bad field", () => {
      write("common.json", {});
      const bad = structuredClone(good);
      bad.incident.munitions[0].qualifier = "ROUGHLY";
      write("articles/src-004.json", bad);
      const error = refusal(() => readIncidentDataset(dir));
      expect(error.file).toBe(join("articles", "src-004.json"));
      expect(error.path).toBe("$.incident.munitions[0].qualifier");
      expect(error.message).toMatch(/^articles\/src-004\.json: \$\.incident\.munitions\[0\]\.qualifier: .*"ABOUT"/);
      // The other subgraphs' sections of the same file are theirs to refuse.
      expect(readActorDataset(dir).actors).toEqual([]);
    });

    it("are refused for a misspelt field, a missing one, an unknown section, or broken JSON", () => {
      const misspelt = structuredClone(good);
      misspelt.actor.aliases[1].alias = misspelt.actor.aliases[1].name;
      write("articles/src-004.json", misspelt);
      expect(refusal(() => readActorDataset(dir)).path).toBe("$.actor.aliases[1]");

      const missing = structuredClone(good);
      delete missing.statement.appearances[2].evidence.sentence;
      write("articles/src-004.json", missing);
      expect(refusal(() => readStatementDataset(dir)).path).toBe("$.statement.appearances[2].evidence.sentence");

      write("articles/src-004.json", { ...good, incidents: [] });
      expect(refusal(() => readStatementDataset(dir)).path).toBe("$.incidents");

      writeFileSync(join(dir, "articles", "src-004.json"), "{ not json");
      expect(refusal(() => readIncidentDataset(dir)).message).toMatch(/^articles\/src-004\.json: \$: not valid JSON/);
    });
  });
});

describe("sources", () => {
  it("has one source per bundled article, holding the article's text", () => {
    expect(statementDataset.sources.map((source) => source.id)).toEqual(["src-000", "src-001", "src-002", "src-003", "src-004"]);
    for (const source of statementDataset.sources) {
      expect(source.id).toMatch(/^src-\d{3}$/);
      expect(source.fileName).toMatch(new RegExp(`^${source.id.slice(4)}_[0-9a-f]{16}\\.txt$`));
      expect(source.text.length).toBeGreaterThan(1000);
    }
  });

  it("dates the articles as stated or with written reasoning", () => {
    const byId = new Map(statementDataset.sources.map((source) => [source.id, source]));
    expect(byId.get("src-002")).toMatchObject({ publishedOn: "2023-12-14", publishedOnStated: true });
    expect(byId.get("src-003")).toMatchObject({ publishedOn: "2023-12-09", publishedOnStated: true });
    expect(byId.get("src-000")).toMatchObject({ publishedOn: "2023-12-09", publishedOnStated: false, outletId: "act-al-jazeera", outletStated: true });
    expect(byId.get("src-001")).toMatchObject({ publishedOn: "2023-12-11", publishedOnStated: false, outletStated: false });
    expect(byId.get("src-004")).toMatchObject({ publishedOn: "2023-12-08", publishedOnStated: false, outletStated: false });
    for (const source of statementDataset.sources) {
      expect(source.publishedOnReasoning.length).toBeGreaterThan(20);
      if (!source.outletStated) expect((source.outletReasoning ?? "").length).toBeGreaterThan(20);
      expect(source.outletId && actorById.get(source.outletId)?.kind).toBe(ActorKind.MEDIA_OUTLET);
    }
  });
});

describe("evidence", () => {
  it("finds evidence in every table that carries it", () => {
    // A walk that found nothing would make the verbatim check below vacuous.
    expect(allEvidence.length).toBeGreaterThan(300);
    for (const prefix of [
      "incident.placeAliases",
      "incident.participations",
      "incident.munitions",
      "incident.reports",
      "incident.links",
      "actor.aliases",
      "actor.affiliations",
      "statement.citations",
      "statement.appearances",
      "statement.quotes",
      "statement.figures",
    ]) {
      expect(allEvidence.some((evidence) => evidence.path.startsWith(prefix))).toBe(true);
    }
  });

  it("quotes every sentence verbatim from the article of its source", () => {
    const problems = allEvidence
      .filter((evidence) => {
        const text = sourceText.get(evidence.sourceId);
        return text === undefined || !text.includes(evidence.sentence);
      })
      .map((evidence) => `${evidence.path} (${evidence.sourceId}): ${evidence.sentence}`);
    expect(problems).toEqual([]);
  });

  it("uses at least a clause as evidence, and explains garbled text", () => {
    for (const evidence of allEvidence) {
      expect(evidence.sentence.trim().length).toBeGreaterThanOrEqual(15);
      if (evidence.garbled) expect((evidence.note ?? "").length).toBeGreaterThan(10);
    }
  });

  it("gives every alias evidence that contains the name as written", () => {
    for (const alias of incidentDataset.placeAliases) expect(alias.evidence.sentence).toContain(alias.name);
    for (const alias of actorDataset.aliases) {
      expect(alias.evidence).toBeTruthy();
      expect(alias.evidence!.sentence).toContain(alias.name);
    }
  });

  it("carries each quote inside its evidence sentence", () => {
    for (const quote of statementDataset.quotes) expect(quote.evidence.sentence).toContain(quote.text);
  });
});

describe("ids", () => {
  const tables: [string, { id: string }[]][] = [
    ["places", incidentDataset.places],
    ["placeAliases", incidentDataset.placeAliases],
    ["incidents", incidentDataset.incidents],
    ["participations", incidentDataset.participations],
    ["claimStatusReports", incidentDataset.claimStatusReports],
    ["munitions", incidentDataset.munitions],
    ["casualties", incidentDataset.casualties],
    ["damage", incidentDataset.damage],
    ["reports", incidentDataset.reports],
    ["links", incidentDataset.links],
    ["actors", actorDataset.actors],
    ["aliases", actorDataset.aliases],
    ["affiliations", actorDataset.affiliations],
    ["sources", statementDataset.sources],
    ["citations", statementDataset.citations],
    ["statements", statementDataset.statements],
    ["quotes", statementDataset.quotes],
    ["stances", statementDataset.stances],
    ["appearances", statementDataset.appearances],
    ["figures", statementDataset.figures],
  ];

  it.each(tables)("are unique and fit the 64-character key column in %s", (_name, rows) => {
    expect(rows.length).toBeGreaterThan(0);
    expect(duplicates(rows.map((row) => row.id))).toEqual([]);
    for (const row of rows) expect(row.id.length).toBeLessThanOrEqual(64);
  });

  it("are unique pairs in the join tables", () => {
    expect(duplicates(statementDataset.statementIncidents.map((row) => `${row.statementId}|${row.incidentId}`))).toEqual([]);
    expect(duplicates(statementDataset.statementActors.map((row) => `${row.statementId}|${row.actorId}`))).toEqual([]);
  });

  it("follow the naming scheme", () => {
    for (const incident of incidentDataset.incidents) {
      expect(incident.id).toMatch(/^inc-\d{4}-\d{2}-\d{2}-[a-z0-9-]+$/);
      expect(incident.id.slice(4, 14)).toBe(incident.startsAt.slice(0, 10));
    }
    for (const place of incidentDataset.places) expect(place.id).toMatch(/^place-[a-z0-9-]+$/);
    for (const actor of actorDataset.actors) expect(actor.id).toMatch(/^act-[a-z0-9-]+$/);
    for (const statement of statementDataset.statements) expect(statement.id).toMatch(/^stmt-[a-z0-9-]+$/);
    for (const figure of statementDataset.figures) expect(figure.id).toMatch(/^fig-[a-z0-9-]+$/);
  });
});

describe("references", () => {
  it("resolve every actor id", () => {
    const problems = [
      ...dangling("participations", incidentDataset.participations, "actorId", actorIds),
      ...dangling("statements", statementDataset.statements, "speakerId", actorIds),
      ...dangling("statements", statementDataset.statements, "onBehalfOfId", actorIds, true),
      ...dangling("statements", statementDataset.statements, "viaId", actorIds, true),
      ...dangling("stances", statementDataset.stances, "actorId", actorIds, true),
      ...dangling("statementActors", statementDataset.statementActors, "actorId", actorIds),
      ...dangling("figures", statementDataset.figures, "reportedById", actorIds, true),
      ...dangling("sources", statementDataset.sources, "outletId", actorIds, true),
      ...dangling("citations", statementDataset.citations, "actorId", actorIds),
      ...dangling("affiliations", actorDataset.affiliations, "actorId", actorIds),
      ...dangling("affiliations", actorDataset.affiliations, "organizationId", actorIds),
      ...dangling("aliases", actorDataset.aliases, "actorId", actorIds),
    ];
    expect(problems).toEqual([]);
  });

  it("resolve every incident id", () => {
    const problems = [
      ...dangling("stances", statementDataset.stances, "incidentId", incidentIds, true),
      ...dangling("statementIncidents", statementDataset.statementIncidents, "incidentId", incidentIds),
      ...dangling("figures", statementDataset.figures, "incidentId", incidentIds, true),
      ...dangling("links", incidentDataset.links, "fromIncidentId", incidentIds),
      ...dangling("links", incidentDataset.links, "toIncidentId", incidentIds),
      ...dangling("reports", incidentDataset.reports, "incidentId", incidentIds),
      ...dangling("participations", incidentDataset.participations, "incidentId", incidentIds),
      ...dangling("claimStatusReports", incidentDataset.claimStatusReports, "incidentId", incidentIds),
      ...dangling("munitions", incidentDataset.munitions, "incidentId", incidentIds),
      ...dangling("casualties", incidentDataset.casualties, "incidentId", incidentIds),
      ...dangling("damage", incidentDataset.damage, "incidentId", incidentIds),
    ];
    expect(problems).toEqual([]);
  });

  it("resolve every place, statement and source id", () => {
    const problems = [
      ...dangling("incidents", incidentDataset.incidents, "placeId", placeIds, true),
      ...dangling("places", incidentDataset.places, "parentId", placeIds, true),
      ...dangling("placeAliases", incidentDataset.placeAliases, "placeId", placeIds),
      ...dangling("quotes", statementDataset.quotes, "statementId", statementIds),
      ...dangling("stances", statementDataset.stances, "statementId", statementIds),
      ...dangling("appearances", statementDataset.appearances, "statementId", statementIds),
      ...dangling("statementIncidents", statementDataset.statementIncidents, "statementId", statementIds),
      ...dangling("statementActors", statementDataset.statementActors, "statementId", statementIds),
      ...dangling("figures", statementDataset.figures, "statementId", statementIds, true),
      ...dangling("evidence", allEvidence, "sourceId", sourceIds),
    ];
    expect(problems).toEqual([]);
  });

  it("cite media outlets, and give every statement a stance and an appearance", () => {
    for (const citation of statementDataset.citations) expect(actorById.get(citation.actorId)?.kind).toBe(ActorKind.MEDIA_OUTLET);
    for (const stance of statementDataset.stances) expect(Boolean(stance.incidentId || stance.actorId || stance.object)).toBe(true);
    for (const statement of statementDataset.statements) {
      expect(statementDataset.stances.some((stance) => stance.statementId === statement.id)).toBe(true);
      expect(statementDataset.appearances.some((appearance) => appearance.statementId === statement.id)).toBe(true);
    }
    for (const incident of incidentDataset.incidents) expect(incidentDataset.reports.some((report) => report.incidentId === incident.id)).toBe(true);
  });
});

describe("times", () => {
  it("are UTC ISO spans that match their precision", () => {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    for (const incident of incidentDataset.incidents) {
      expect(incident.startsAt).toMatch(iso);
      expect(incident.endsAt).toMatch(iso);
      expect(new Date(incident.startsAt).toISOString()).toBe(incident.startsAt);
      expect(incident.startsAt <= incident.endsAt).toBe(true);
      if (incident.timePrecision === TimePrecision.EXACT_TIME) expect(incident.endsAt).toBe(incident.startsAt);
      if (incident.timePrecision === TimePrecision.DAY) {
        expect(incident.startsAt.slice(10)).toBe("T00:00:00.000Z");
        expect(incident.endsAt).toBe(`${incident.startsAt.slice(0, 10)}T23:59:59.999Z`);
      }
      if (incident.timePrecision === TimePrecision.WEEK) {
        expect(Date.parse(incident.endsAt) - Date.parse(incident.startsAt)).toBeLessThan(7 * 24 * 3600 * 1000);
      }
    }
    for (const statement of statementDataset.statements) expect(statement.saidOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("the articles' facts", () => {
  const embassy = incidentDataset.incidents.find((incident) => incident.id === EMBASSY);
  const onEmbassy = <T extends { incidentId: string }>(rows: T[]) => rows.filter((row) => row.incidentId === EMBASSY);

  it("dates the embassy attack at about 4:15 a.m. Baghdad time on Friday 8 December 2023", () => {
    expect(embassy).toMatchObject({
      startsAt: "2023-12-08T01:15:00.000Z",
      timePrecision: TimePrecision.EXACT_TIME,
      timeApproximate: true,
      placeId: "place-us-embassy-baghdad",
    });
  });

  it("has one embassy report per article", () => {
    const reports = onEmbassy(incidentDataset.reports);
    expect(reports).toHaveLength(5);
    expect(reports.map((report) => report.evidence.sourceId).sort()).toEqual(["src-000", "src-001", "src-002", "src-003", "src-004"]);
  });

  it("keeps the 14 Katyusha rockets and the at-least-7 mortar rounds side by side", () => {
    const munitions = onEmbassy(incidentDataset.munitions);
    expect(munitions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: MunitionKind.ROCKET,
          count: 14,
          qualifier: CountQualifier.ABOUT,
          evidence: expect.objectContaining({ sourceId: "src-004" }),
        }),
        expect.objectContaining({
          kind: MunitionKind.MORTAR_ROUND,
          count: 7,
          qualifier: CountQualifier.AT_LEAST,
          evidence: expect.objectContaining({ sourceId: "src-003" }),
        }),
        expect.objectContaining({ kind: MunitionKind.MISSILE, evidence: expect.objectContaining({ sourceId: "src-002" }) }),
      ]),
    );
  });

  it("keeps who is said to have attacked the embassy, and on what basis, per article", () => {
    const parts = onEmbassy(incidentDataset.participations).map((p) => `${p.role}/${p.basis}/${p.actorId}/${p.evidence.sourceId}`);
    expect(parts).toEqual(
      expect.arrayContaining([
        "PERPETRATOR/DECLINED_TO_CLAIM/act-kataib-sayyid-al-shuhada/src-003",
        "PERPETRATOR/IMPLIED/act-kataib-hezbollah/src-002",
        "PERPETRATOR/ATTRIBUTED_BY_OFFICIALS/act-iran-aligned-militias/src-004",
        "TARGET/CONFIRMED/act-us-embassy-baghdad/src-004",
      ]),
    );
    expect(parts.some((p) => p.startsWith("PERPETRATOR/ALLEGED/") && p.endsWith("/src-003"))).toBe(true);
    expect(parts.some((p) => p.startsWith("PERPETRATOR/CLAIMED/"))).toBe(false);
  });

  it("records that nobody claimed the embassy attack", () => {
    expect(onEmbassy(incidentDataset.claimStatusReports).map((report) => report.status)).toContain(ClaimStatus.UNCLAIMED);
  });

  it("links the parts of the 8 December wave and the arrests to the embassy attack", () => {
    expect(incidentDataset.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromIncidentId: EMBASSY, toIncidentId: "inc-2023-12-08-attack-wave", kind: IncidentLinkKind.PART_OF }),
        expect.objectContaining({ toIncidentId: EMBASSY, kind: IncidentLinkKind.FOLLOW_UP_TO }),
      ]),
    );
  });

  it("keeps every tally of attacks on US forces, the garbled one deprecated", () => {
    const attacks = statementDataset.figures.filter((figure) => figure.metric === FigureMetric.ATTACKS_ON_US_FORCES);
    const values = attacks.map((figure) => figure.value);
    for (const value of [78, 82, 92, 97, 17]) expect(values).toContain(value);
    const garbled = attacks.find((figure) => figure.value === 17);
    expect(garbled).toMatchObject({ rank: FigureRank.DEPRECATED, qualifier: FigureQualifier.ABOUT });
    expect(garbled?.evidence.garbled).toBe(true);
    expect(garbled?.evidence.sentence).toContain("since Oct. 80");
    expect((garbled?.rankReason ?? "").length).toBeGreaterThan(20);
    expect(attacks.find((figure) => figure.value === 97)).toMatchObject({
      rank: FigureRank.PREFERRED,
      asOf: "2023-12-14",
      evidence: expect.objectContaining({ sourceId: "src-002" }),
    });
    expect(attacks.find((figure) => figure.value === 78)).toMatchObject({
      qualifier: FigureQualifier.ABOUT,
      asOf: "2023-12-07",
      reportedById: "act-sabrina-singh",
    });
  });

  it("spells Kataib Hezbollah and al-Sudani every way the articles do", () => {
    const aliasNames = (actorId: string) => actorDataset.aliases.filter((alias) => alias.actorId === actorId).map((alias) => alias.name);
    expect(aliasNames("act-kataib-hezbollah")).toEqual(expect.arrayContaining(["Kataeb Hezbollah", "Kata'ib Hezbollah", "Kataib Hezbollah"]));
    expect(aliasNames("act-mohammed-shia-al-sudani")).toEqual(expect.arrayContaining(["Mohammad Zia al-Sudani", "Mohammed Shia al-Sudani"]));
  });

  it("keeps the 'shop' typo verbatim, flagged as garbled", () => {
    const shop = allEvidence.filter((evidence) => evidence.sentence.includes("Israeli-linked shop"));
    expect(shop.length).toBeGreaterThan(0);
    for (const evidence of shop) expect(evidence.garbled).toBe(true);
  });

  it("merges al-Sudani's 8 December statement across the three articles that report it", () => {
    const appearances = statementDataset.appearances.filter((appearance) => appearance.statementId === "stmt-al-sudani-embassy-attack");
    expect(new Set(appearances.map((appearance) => appearance.evidence.sourceId))).toEqual(new Set(["src-001", "src-003", "src-004"]));
  });
});
