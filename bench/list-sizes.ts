import "reflect-metadata";
import { readActorDataset } from "../subgraphs/actor/bundle";
import type { ActorDataset } from "../subgraphs/actor/seed";
import { readIncidentDataset } from "../subgraphs/incident/bundle";
import type { IncidentDataset } from "../subgraphs/incident/seed";
import { datasetDir } from "../subgraphs/lib/bundle-file";
import { readStatementDataset } from "../subgraphs/statement/bundle";
import type { StatementDataset } from "../subgraphs/statement/seed";
import { generateData } from "./generate";

// The longest value of every unpaged list field, in the bundled dataset and in generated data: the
// measure behind each `@listSize(assumedSize: ...)` the subgraphs declare (README, "Running in
// production"). Run with `npm run build && node dist/bench/list-sizes.js [incidents]`.

interface Datasets {
  incident: IncidentDataset;
  actor: ActorDataset;
  statement: StatementDataset;
}

/** The size of the largest group of `rows` by `key` (0 for no rows). */
function largestGroup<T>(rows: readonly T[], key: (row: T) => string | null | undefined): number {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const value = key(row);
    if (value != null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

/** Distinct values of `key` over `rows`, per group of `group` (the largest). */
function largestDistinct<T>(rows: readonly T[], group: (row: T) => string, key: (row: T) => string | null | undefined): number {
  const sets = new Map<string, Set<string>>();
  for (const row of rows) {
    const value = key(row);
    if (value == null) continue;
    const set = sets.get(group(row)) ?? new Set<string>();
    set.add(value);
    sets.set(group(row), set);
  }
  return Math.max(0, ...[...sets.values()].map((set) => set.size));
}

/** Monday of the week of an ISO date (`YYYY-MM-DD...`). */
function monday(iso: string): string {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The largest value of every unpaged list field of the API, keyed `Type.field`. */
export function listMaxima({ incident, actor, statement }: Datasets): Record<string, number> {
  const placeOf = new Map(incident.places.map((place) => [place.id, place.countryCode ?? "unknown"]));
  const perpetrators = incident.participations.filter((row) => row.role === "PERPETRATOR");
  const all = () => "all";
  return {
    "Actor.aliases": largestGroup(actor.aliases, (row) => row.actorId),
    "Actor.affiliations": largestGroup(actor.affiliations, (row) => row.actorId),
    "Actor.affiliates": largestGroup(actor.affiliations, (row) => row.organizationId),
    "Actor.participations": largestGroup(incident.participations, (row) => row.actorId),
    "Source.citations": largestGroup(statement.citations, (row) => row.sourceId),
    "Incident.participants": largestGroup(incident.participations, (row) => row.incidentId),
    "Incident.claimStatus": largestGroup(incident.claimStatusReports, (row) => row.incidentId),
    "Incident.munitions": largestGroup(incident.munitions, (row) => row.incidentId),
    "Incident.casualties": largestGroup(incident.casualties, (row) => row.incidentId),
    "Incident.damage": largestGroup(incident.damage, (row) => row.incidentId),
    "Incident.reports": largestGroup(incident.reports, (row) => row.incidentId),
    "Incident.links": largestGroup(incident.links, (row) => row.fromIncidentId),
    "Incident.linkedFrom": largestGroup(incident.links, (row) => row.toIncidentId),
    "Incident.statements": largestGroup(statement.statementIncidents, (row) => row.incidentId),
    "Incident.figures": largestGroup(statement.figures, (row) => row.incidentId),
    "Place.aliases": largestGroup(incident.placeAliases, (row) => row.placeId),
    "Statement.quotes": largestGroup(statement.quotes, (row) => row.statementId),
    "Statement.stances": largestGroup(statement.stances, (row) => row.statementId),
    "Statement.aboutIncidents": largestGroup(statement.statementIncidents, (row) => row.statementId),
    "Statement.aboutActors": largestGroup(statement.statementActors, (row) => row.statementId),
    "Statement.appearances": largestGroup(statement.appearances, (row) => row.statementId),
    "Statement.figures": largestGroup(statement.figures, (row) => row.statementId),
    "FigureSeries.points": largestDistinct(
      statement.figures,
      (row) => row.metric,
      (row) => row.asOf,
    ),
    "FigurePoint.figures": largestGroup(statement.figures, (row) => `${row.metric} ${row.asOf}`),
    "IncidentFacets.byDay": largestDistinct(incident.incidents, all, (row) => row.startsAt.slice(0, 10)),
    "IncidentFacets.byWeek": largestDistinct(incident.incidents, all, (row) => monday(row.startsAt)),
    "IncidentFacets.byType": largestDistinct(incident.incidents, all, (row) => row.type),
    "IncidentFacets.byCountry": largestDistinct(incident.incidents, all, (row) => (row.placeId ? placeOf.get(row.placeId) : "unknown")),
    "IncidentFacets.byPerpetrator": largestDistinct(perpetrators, all, (row) => row.actorId),
  };
}

function main(): void {
  const count = Number(process.argv[2] ?? 10_000);
  const dir = datasetDir();
  const bundled = listMaxima({ incident: readIncidentDataset(dir), actor: readActorDataset(dir), statement: readStatementDataset(dir) });
  const generated = listMaxima(generateData(count));
  console.log(`| field | bundled dataset | ${count} generated incidents |`);
  console.log("| --- | --- | --- |");
  for (const field of Object.keys(bundled)) console.log(`| \`${field}\` | ${bundled[field]} | ${generated[field]} |`);
}

if (require.main === module) main();
