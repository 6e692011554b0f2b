import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLE_SCHEMA } from "../subgraphs";
import { actorSection } from "../subgraphs/actor/bundle";
import { incidentSection } from "../subgraphs/incident/bundle";
import {
  AcledEventType,
  AcledSubEventType,
  CasualtyPopulation,
  ClaimStatus,
  CountQualifier,
  IncidentType,
  ParticipantRole,
  ParticipationBasis,
  TimePrecision,
} from "../subgraphs/incident/enums";
import { ACTOR_MATCH_MIN, readAcled } from "../subgraphs/import/acled";
import { parseAcledDate } from "../subgraphs/import/acled-row";
import type { ImportItem, ImportLookup, ImportProblem } from "../subgraphs/import/types";
import { foldName } from "../subgraphs/lib/names";
import { rankNames } from "../subgraphs/lib/name-match";
import { statementSection } from "../subgraphs/statement/bundle";

// The ACLED reader (subgraphs/import/acled.ts) against the sample export and the broken one in
// test/fixtures/import, with a lookup that matches names the way the graph does (folded names,
// edit distance) over a few actors and places of dataset/common.json.

const FIXTURES = join(__dirname, "fixtures", "import");
const SAMPLE = join(FIXTURES, "acled-sample.csv");
const BAD = join(FIXTURES, "acled-bad.csv");

const ACTORS = [
  { id: "act-islamic-resistance-in-iraq", name: "Islamic Resistance in Iraq" },
  { id: "act-kataib-hezbollah", name: "Kataib Hezbollah" },
  { id: "act-kataib-sayyid-al-shuhada", name: "Kataib Sayyid al-Shuhada" },
  { id: "act-us-military", name: "United States military" },
  { id: "act-us-military", name: "Military Forces of the United States" },
  { id: "act-iraqi-security-forces", name: "Iraqi Security Forces" },
];
const PLACES = [
  { id: "place-ain-al-asad", name: "Ain al-Asad Air Base", latitude: 33.7856, longitude: 42.4412 },
  { id: "place-conoco-gas-field", name: "Conoco gas field", latitude: 35.37, longitude: 40.28 },
  { id: "place-erbil", name: "Erbil", latitude: 36.1911, longitude: 44.0094 },
  { id: "place-kirkuk", name: "Kirkuk", latitude: 35.4681, longitude: 44.3922 },
  { id: "place-iraq", name: "Iraq" },
  { id: "place-syria", name: "Syria" },
];

/** A lookup over fixed actors and places that records every call, to check the reader caches. */
function fakeLookup(): ImportLookup & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async actorByName(name) {
      calls.push(`actor:${name}`);
      const [best] = rankNames(
        name,
        ACTORS.map((actor) => ({ name: actor.name, folded: foldName(actor.name), value: actor.id })),
        (id) => id,
      );
      return best ? { id: best.value, score: best.score } : null;
    },
    async placeByName(name, latitude, longitude) {
      calls.push(`place:${name}`);
      const near = PLACES.filter(
        (place) => latitude === undefined || place.latitude === undefined || Math.hypot(place.latitude - latitude, place.longitude! - (longitude ?? 0)) < 0.1,
      );
      const [best] = rankNames(
        name,
        near.map((place) => ({ name: place.name, folded: foldName(place.name), value: place.id })),
        (id) => id,
      );
      return best && best.score >= 0.9 ? { id: best.value } : null;
    },
  };
}

async function readAll(file: string, lookup: ImportLookup = fakeLookup()): Promise<{ items: ImportItem[]; problems: ImportProblem[] }> {
  const items: ImportItem[] = [];
  const problems: ImportProblem[] = [];
  for await (const entry of readAcled(file, lookup)) ("bundle" in entry ? items : problems).push(entry as never);
  return { items, problems };
}

type Rows = Record<string, Record<string, unknown>[]>;
const section = (item: ImportItem, name: string): Rows => (item.bundle[name] ?? {}) as Rows;
const byEvent = (items: ImportItem[], eventId: string): ImportItem => {
  const item = items.find((candidate) => section(candidate, "incident").incidents[0].id === `inc-acled-${eventId.toLowerCase()}`);
  if (!item) throw new Error(`no item for ${eventId}`);
  return item;
};

describe("ACLED sample export", () => {
  let items: ImportItem[];
  let problems: ImportProblem[];
  let lookup: ReturnType<typeof fakeLookup>;
  beforeAll(async () => {
    lookup = fakeLookup();
    ({ items, problems } = await readAll(SAMPLE, lookup));
  });

  it("maps every row to one bundle, with the line it starts on, and no problem", () => {
    expect(problems).toEqual([]);
    expect(items).toHaveLength(16);
    expect(items.map((item) => item.line)).toEqual(Array.from({ length: 16 }, (_, i) => i + 2));
    for (const item of items) expect(item.file).toBe(SAMPLE);
  });

  it("produces bundles the subgraphs' section schemas and the published bundle schema accept", () => {
    for (const item of items) {
      expect(BUNDLE_SCHEMA.safeParse(item.bundle).error?.issues).toBeUndefined();
      expect(incidentSection.safeParse(item.bundle.incident).success).toBe(true);
      expect(statementSection.safeParse(item.bundle.statement).success).toBe(true);
      if (item.bundle.actor) expect(actorSection.safeParse(item.bundle.actor).success).toBe(true);
    }
  });

  it("maps the event, its time span and its place", () => {
    const item = byEvent(items, "IRQ61001");
    const [incident] = section(item, "incident").incidents;
    expect(incident).toEqual(
      expect.objectContaining({
        id: "inc-acled-irq61001",
        type: IncidentType.DRONE,
        acledEventType: AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE,
        acledSubEventType: AcledSubEventType.AIR_DRONE_STRIKE,
        startsAt: "2023-10-18T00:00:00.000Z",
        endsAt: "2023-10-18T23:59:59.999Z",
        timePrecision: TimePrecision.DAY,
        timeApproximate: false,
        placeId: "place-ain-al-asad",
        isAggregate: false,
      }),
    );
    // An existing place is referred to, not created again.
    expect(section(item, "incident").places).toBeUndefined();
    const week = section(byEvent(items, "IRQ61041"), "incident").incidents[0];
    expect(week).toEqual(
      expect.objectContaining({
        type: IncidentType.ARREST,
        timePrecision: TimePrecision.WEEK,
        startsAt: "2023-12-07T00:00:00.000Z",
        endsAt: "2023-12-13T23:59:59.999Z",
      }),
    );
    const month = section(byEvent(items, "IRQ61035"), "incident").incidents[0];
    expect(month).toEqual(
      expect.objectContaining({
        type: IncidentType.MORTAR,
        timePrecision: TimePrecision.MONTH,
        startsAt: "2023-11-01T00:00:00.000Z",
        endsAt: "2023-11-30T23:59:59.999Z",
      }),
    );
  });

  it("creates a place ACLED names that the graph lacks, under its country, with a stable id from the names", () => {
    const [place] = section(byEvent(items, "SYR123001"), "incident").places;
    expect(place).toEqual({
      id: "place-acled-syria--homs--tadmor--tanf--tanf-garrison",
      name: "Al Tanf Garrison",
      kind: "FACILITY",
      countryCode: "SY",
      country: "Syria",
      admin1: "Homs",
      latitude: 33.4936,
      longitude: 38.635,
      geoPrecision: 1,
      coordinatesFromGazetteer: true,
      parentId: "place-syria",
    });
  });

  it("resolves actors through the lookup (other spellings, period qualifiers) before making new ones", () => {
    const parts = (eventId: string) => section(byEvent(items, eventId), "incident").participations.map((p) => `${p.role}/${p.basis}/${p.actorId}`);
    // "Kataib Hizballah" is the graph's "Kataib Hezbollah"; "Military Forces of the United States (2021-)" its US military.
    expect(parts("IRQ61050")).toEqual([
      "PERPETRATOR/ALLEGED/act-kataib-hezbollah",
      "PERPETRATOR/ALLEGED/act-islamic-resistance-in-iraq",
      "TARGET/CONFIRMED/act-us-military",
    ]);
    // The notes say the Islamic Resistance claimed it: a claim, and a claim status report.
    expect(parts("IRQ61001")).toEqual(["PERPETRATOR/CLAIMED/act-islamic-resistance-in-iraq", "TARGET/CONFIRMED/act-us-military"]);
    expect(section(byEvent(items, "IRQ61001"), "incident").claimStatusReports).toEqual([
      expect.objectContaining({ id: "inc-acled-irq61001-cs", status: ClaimStatus.CLAIMED }),
    ]);
    // Only the claimant is CLAIMED; the associated Kataib Hizballah is ACLED's attribution.
    expect(parts("IRQ61010")).toEqual([
      "PERPETRATOR/CLAIMED/act-islamic-resistance-in-iraq",
      "PERPETRATOR/ALLEGED/act-kataib-hezbollah",
      "TARGET/CONFIRMED/act-us-military",
    ]);
    // A disrupted weapons use: actor1 intercepts, actor2 fired; nobody claimed it.
    expect(parts("IRQ61002")).toEqual(["INTERCEPTOR/CONFIRMED/act-us-military", "PERPETRATOR/ALLEGED/act-acled-irq61002-a2"]);
    expect(section(byEvent(items, "IRQ61002"), "incident").claimStatusReports).toEqual([expect.objectContaining({ status: ClaimStatus.UNCLAIMED })]);
  });

  it("makes new actors with ids stable from their folded names, and one anonymous actor per unidentified one", () => {
    const { actors } = section(byEvent(items, "IRQ61030"), "actor");
    expect(actors).toEqual([
      expect.objectContaining({ id: "act-acled-harakat-hizballah-nujaba", name: "Harakat Hizballah al-Nujaba", kind: "ARMED_GROUP", anonymous: false }),
    ]);
    // "Kataib Sayyid al-Shuhadaa" (an extra a) is the graph's Kataib Sayyid al-Shuhada.
    expect(section(byEvent(items, "IRQ61030"), "incident").participations.map((p) => p.actorId)).toContain("act-kataib-sayyid-al-shuhada");
    const unidentified = section(byEvent(items, "IRQ61040"), "actor").actors;
    expect(unidentified).toEqual([
      expect.objectContaining({ id: "act-acled-irq61040-a1", name: "Unidentified Armed Group (Iraq)", anonymous: true }),
      expect.objectContaining({ id: "act-acled-government-of-the-united-states-2021", kind: "GOVERNMENT_BODY" }),
    ]);
    const police = section(byEvent(items, "IRQ61041"), "actor").actors;
    expect(police).toEqual([expect.objectContaining({ name: "Police Forces of Iraq (2022-)", kind: "MILITARY_UNIT" })]);
  });

  it("leaves civilians out of the actors: they are counted in casualty reports", () => {
    const item = byEvent(items, "IRQ61025");
    expect(section(item, "incident").participations.map((p) => p.actorId)).toEqual(["act-acled-irq61025-a1"]);
    expect(JSON.stringify(item.bundle)).not.toContain("Labour Group");
  });

  it("reports fatalities as a casualty report, and every fact with the notes as evidence from a source of the event", () => {
    const item = byEvent(items, "IRQ61021");
    const notes = section(item, "incident").incidents[0].summary;
    expect(section(item, "incident").casualties).toEqual([
      expect.objectContaining({
        id: "inc-acled-irq61021-c",
        population: CasualtyPopulation.UNSPECIFIED,
        outcome: "KILLED",
        count: 8,
        qualifier: CountQualifier.AT_LEAST,
      }),
    ]);
    const [source] = section(item, "statement").sources;
    expect(source).toEqual(
      expect.objectContaining({ id: "src-acled-irq61021", fileName: "acled-sample.csv", text: notes, publishedOn: "2023-11-27", publishedOnStated: true }),
    );
    expect(source.outletReasoning).toContain("Reuters; Shafaq News");
    const evidence = JSON.stringify(item.bundle.incident).match(/"evidence":\{[^}]*\}/g) ?? [];
    expect(evidence.length).toBeGreaterThanOrEqual(4);
    for (const found of evidence) {
      const parsed = JSON.parse(`{${found}}`).evidence as { sourceId: string; sentence: string };
      expect(parsed).toEqual(expect.objectContaining({ sourceId: "src-acled-irq61021", sentence: notes }));
    }
  });

  it("looks each name up once per file", () => {
    const actorCalls = lookup.calls.filter((call) => call === "actor:Military Forces of the United States (2021-)");
    expect(actorCalls).toHaveLength(1);
  });

  it("gives the same bundles on a second read: the ids are stable", async () => {
    const again = await readAll(SAMPLE);
    expect(again.items).toEqual(items);
  });
});

describe("ACLED export with problems", () => {
  let items: ImportItem[];
  let problems: ImportProblem[];
  beforeAll(async () => {
    ({ items, problems } = await readAll(BAD));
  });

  it("names file, line and column of every problem, in a message a person can act on", () => {
    const listed = problems.map((problem) => `${problem.line} ${problem.path ?? "-"}`);
    expect(listed).toEqual([
      "3 event_date",
      "4 event_type",
      "5 event_type",
      "6 sub_event_type",
      "7 latitude",
      "7 longitude",
      "8 fatalities",
      "9 fatalities",
      "10 notes",
      "11 -",
      "12 time_precision",
      "13 event_id_cnty",
      "14 inter1",
      "15 year",
      "18 latitude",
      "18 geo_precision",
      "19 event_date",
      "19 iso",
      "20 actor1",
      "20 timestamp",
      "22 -",
    ]);
    for (const problem of problems) expect(problem.file).toBe(BAD);
    const message = (line: number, path?: string) => problems.find((problem) => problem.line === line && problem.path === path)?.message;
    expect(message(3, "event_date")).toBe('event_date "2023-13-45" is not a date; write 2023-12-08 or 08 December 2023');
    expect(message(4, "event_type")).toMatch(/"Protests" is not imported: protests are not attacks/);
    expect(message(6, "sub_event_type")).toMatch(/"Air strike" is not one of ACLED's sub-event types of "Explosions\/Remote violence" \(.*air drone strike/);
    expect(message(7, "latitude")).toBe("latitude 95.2 is out of range (-90 to 90); write decimal degrees, e.g. 33.7856");
    expect(message(8, "fatalities")).toBe('fatalities "several" is not a number; write the number of deaths, 0 when none were reported');
    expect(message(11)).toBe("the row has 5 cells where the header has 31 columns; check for an unquoted comma or a missing cell");
    expect(message(19, "event_date")).toContain('"31 November 2023" is not a date');
    expect(message(22)).toMatch(/quoting is broken here \(Invalid Closing Quote.*fix the quotes/);
  });

  it("still maps the good rows, a multi-line one with its starting line, and nothing of a bad row", () => {
    expect(items.map((item) => [item.line, section(item, "incident").incidents[0].id])).toEqual([
      [2, "inc-acled-irq70001"],
      [16, "inc-acled-irq70015"],
    ]);
  });
});

describe("ACLED file-level problems", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "acled-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives one problem for a header that lacks required columns, and reads no row", async () => {
    const [header, ...rows] = readFileSync(SAMPLE, "utf8").split("\n");
    const file = join(dir, "no-notes.csv");
    writeFileSync(file, [header.replace(",notes,", ",note,"), ...rows].join("\n"));
    const { items, problems } = await readAll(file);
    expect(items).toEqual([]);
    expect(problems).toEqual([{ file, line: 1, message: expect.stringMatching(/^not an ACLED export: the header lacks notes \(found: event_id_cnty,/) }]);
  });

  it("gives one problem for an empty file", async () => {
    const file = join(dir, "empty.csv");
    writeFileSync(file, "");
    expect((await readAll(file)).problems).toEqual([{ file, line: 1, message: expect.stringContaining("the file is empty") }]);
  });

  it("counts lines of CRLF files with multi-line notes as a person does", async () => {
    const text = readFileSync(BAD, "utf8").split("\n").slice(0, 18).join("\r\n");
    const file = join(dir, "crlf.csv");
    writeFileSync(file, `${text}\r\n`);
    const { items, problems } = await readAll(file);
    expect(items.map((item) => item.line)).toEqual([2, 16]);
    expect(problems.map((problem) => problem.line)).toContain(15);
  });
});

describe("ACLED dates", () => {
  it("reads ACLED's two spellings and refuses dates that do not exist", () => {
    expect(parseAcledDate("2023-12-08")?.toISOString()).toBe("2023-12-08T00:00:00.000Z");
    expect(parseAcledDate("08 December 2023")?.toISOString()).toBe("2023-12-08T00:00:00.000Z");
    expect(parseAcledDate("8-Dec-2023")?.toISOString()).toBe("2023-12-08T00:00:00.000Z");
    for (const bad of ["2023-02-29", "31 November 2023", "12/08/2023", "", "08 Decembre 2023"]) expect(parseAcledDate(bad)).toBeNull();
  });
});

describe("ACLED actor matching", () => {
  it("takes an existing actor only at or above the match threshold, else makes a new one", async () => {
    const scored = (score: number): ImportLookup => ({
      actorByName: async () => ({ id: "act-existing", score }),
      placeByName: async () => null,
    });
    const actorIds = async (lookup: ImportLookup) =>
      (await readAll(SAMPLE, lookup)).items.flatMap((item) => section(item, "incident").participations.map((p) => p.actorId as string));
    expect(new Set(await actorIds(scored(ACTOR_MATCH_MIN)))).toContain("act-existing");
    const below = await actorIds(scored(ACTOR_MATCH_MIN - 0.01));
    expect(below).not.toContain("act-existing");
    expect(below).toContain("act-acled-islamic-resistance-in-iraq");
  });
});

describe("ACLED participation bases", () => {
  it("uses only the model's roles and bases", async () => {
    const { items } = await readAll(SAMPLE);
    for (const item of items) {
      for (const p of section(item, "incident").participations) {
        expect(Object.values(ParticipantRole)).toContain(p.role);
        expect(Object.values(ParticipationBasis)).toContain(p.basis);
      }
    }
  });
});
