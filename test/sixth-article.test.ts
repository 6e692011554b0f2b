import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLE_SCHEMA } from "../subgraphs";
import { readActorDataset } from "../subgraphs/actor/bundle";
import { readIncidentDataset } from "../subgraphs/incident/bundle";
import { datasetDir } from "../subgraphs/lib/bundle-file";
import { readStatementDataset } from "../subgraphs/statement/bundle";

// test/fixtures/import/src-006.json: a made-up sixth article in the bundle format, for the import.
// It must be a bundle the import accepts (the schema `dataset/bundle.schema.json` is generated
// from), every fact's evidence a sentence of its text, and every id it refers to either its own or
// one of the bundled dataset's.

type Row = Record<string, unknown>;
type Bundle = Record<string, Record<string, Row[]>>;

const bundle = JSON.parse(readFileSync(join(__dirname, "fixtures", "import", "src-006.json"), "utf8")) as Bundle;
const DATASET = datasetDir();
const incidents = readIncidentDataset(DATASET);
const actors = readActorDataset(DATASET);
const statements = readStatementDataset(DATASET);

const ids = (rows: Row[] | undefined): string[] => (rows ?? []).map((row) => row.id as string);
const known = {
  actor: new Set([...actors.actors.map((actor) => actor.id), ...ids(bundle.actor?.actors)]),
  incident: new Set([...incidents.incidents.map((incident) => incident.id), ...ids(bundle.incident.incidents)]),
  place: new Set([...incidents.places.map((place) => place.id), ...ids(bundle.incident.places)]),
  statement: new Set([...statements.statements.map((statement) => statement.id), ...ids(bundle.statement.statements)]),
};

/** Every evidence object in the bundle, with where it is. */
function evidenceOf(value: unknown, path: string, out: { path: string; sourceId: string; sentence: string }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => evidenceOf(item, `${path}[${i}]`, out));
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "evidence" && child) out.push({ path, ...(child as { sourceId: string; sentence: string }) });
      else evidenceOf(child, `${path}.${key}`, out);
    }
  }
  return out;
}

describe("the sixth article's bundle (src-006)", () => {
  it("is a valid bundle", () => {
    expect(BUNDLE_SCHEMA.safeParse(bundle).error?.issues).toBeUndefined();
  });

  it("brings a source, incidents with participations and reports, statements with several stances, and a figure", () => {
    expect(ids(bundle.statement.sources)).toEqual(["src-006"]);
    expect(bundle.incident.incidents.length).toBeGreaterThan(0);
    expect(bundle.incident.participations.length).toBeGreaterThan(0);
    expect(bundle.incident.reports.length).toBeGreaterThan(0);
    expect(bundle.statement.figures.length).toBeGreaterThan(0);
    const stancesPerStatement = new Map<unknown, number>();
    for (const stance of bundle.statement.stances) stancesPerStatement.set(stance.statementId, (stancesPerStatement.get(stance.statementId) ?? 0) + 1);
    expect(Math.max(...stancesPerStatement.values())).toBeGreaterThan(1);
  });

  it("gives every fact a sentence of the article as evidence", () => {
    const text = bundle.statement.sources[0].text as string;
    const evidence = evidenceOf(bundle, "$");
    expect(evidence.length).toBeGreaterThanOrEqual(20);
    const outside = evidence.filter((found) => found.sourceId !== "src-006" || !text.includes(found.sentence)).map((found) => found.path);
    expect(outside).toEqual([]);
    for (const quote of bundle.statement.quotes) expect((quote.evidence as { sentence: string }).sentence).toContain(quote.text);
  });

  it("refers to existing actors, places, incidents and statements, or its own", () => {
    const dangling: string[] = [];
    const check = (kind: keyof typeof known, table: string, rows: Row[] | undefined, ...columns: string[]) => {
      (rows ?? []).forEach((row, i) => {
        for (const column of columns) {
          const value = row[column];
          if (value !== undefined && value !== null && !known[kind].has(value as string)) dangling.push(`${table}[${i}].${column} -> ${String(value)}`);
        }
      });
    };
    check("place", "incidents", bundle.incident.incidents, "placeId");
    check("incident", "participations", bundle.incident.participations, "incidentId");
    check("actor", "participations", bundle.incident.participations, "actorId");
    check("incident", "links", bundle.incident.links, "fromIncidentId", "toIncidentId");
    check("actor", "aliases", bundle.actor.aliases, "actorId");
    check("actor", "statements", bundle.statement.statements, "speakerId", "onBehalfOfId");
    check("statement", "stances", bundle.statement.stances, "statementId");
    check("incident", "stances", bundle.statement.stances, "incidentId");
    check("actor", "stances", bundle.statement.stances, "actorId");
    check("incident", "statementIncidents", bundle.statement.statementIncidents, "incidentId");
    check("actor", "statementActors", bundle.statement.statementActors, "actorId");
    check("actor", "figures", bundle.statement.figures, "reportedById");
    check("incident", "figures", bundle.statement.figures, "incidentId");
    expect(dangling).toEqual([]);
    // It reuses the bundled actors and places rather than making its own.
    expect(bundle.actor.actors).toBeUndefined();
    expect(bundle.incident.places).toBeUndefined();
  });

  it("uses ids the bundled dataset does not", () => {
    const taken = new Set([
      ...incidents.incidents.map((row) => row.id),
      ...incidents.participations.map((row) => row.id),
      ...actors.aliases.map((row) => row.id),
      ...statements.statements.map((row) => row.id),
      ...statements.figures.map((row) => row.id),
      ...statements.sources.map((row) => row.id),
    ]);
    const own = Object.values(bundle)
      .filter((section) => typeof section === "object")
      .flatMap((section) => Object.values(section).flatMap((rows) => ids(rows)));
    expect(own.filter((id) => id && taken.has(id))).toEqual([]);
  });
});
