import { z } from "zod/v4";
import { readDataset, rowId } from "../lib/bundle-file";
import { evidenceInputSchema } from "../lib/evidence";
import {
  AcledEventType,
  AcledSubEventType,
  CasualtyOutcome,
  CasualtyPopulation,
  ClaimStatus,
  CountQualifier,
  DamageLevel,
  IncidentLinkKind,
  IncidentType,
  MunitionKind,
  ParticipantRole,
  ParticipationBasis,
  PlaceAliasKind,
  PlaceKind,
  TimePrecision,
} from "./enums";
import type { IncidentDataset } from "./seed";

// The `incident` section of a dataset bundle: the rows this subgraph imports, table by table, as
// the importer takes them. Typed against the entities (`IncidentDataset`), so a column added to an
// entity and not here fails to compile.

type Row<K extends keyof IncidentDataset> = IncidentDataset[K][number];

const place: z.ZodType<Row<"places">> = z.strictObject({
  id: rowId,
  name: z.string().min(1),
  kind: z.enum(PlaceKind),
  countryCode: z.string().length(2).nullish().describe("ISO 3166-1 alpha-2."),
  country: z.string().nullish(),
  admin1: z.string().nullish().describe("First-level administrative division (province, governorate)."),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  geoPrecision: z.number().int().min(1).max(3).nullish().describe("1 the site itself, 2 near it or part of a region, 3 a region's centroid."),
  coordinatesFromGazetteer: z.boolean().describe("True when the coordinates come from a gazetteer, not from an article."),
  parentId: rowId.nullish().describe("The place this one lies in."),
});

const placeAlias: z.ZodType<Row<"placeAliases">> = z.strictObject({
  id: rowId,
  placeId: rowId,
  name: z.string().min(1),
  kind: z.enum(PlaceAliasKind),
  evidence: evidenceInputSchema,
});

const incident: z.ZodType<Row<"incidents">> = z.strictObject({
  id: rowId,
  title: z.string().min(1),
  summary: z.string().min(1),
  type: z.enum(IncidentType),
  acledEventType: z.enum(AcledEventType),
  acledSubEventType: z.enum(AcledSubEventType),
  startsAt: z.iso.datetime().describe("Start of the time span, UTC."),
  endsAt: z.iso.datetime().describe("End of the time span, UTC (inclusive)."),
  timePrecision: z.enum(TimePrecision),
  timeApproximate: z.boolean(),
  timePhrase: z.string().nullish().describe("The article's words for the time, as printed."),
  timeResolution: z.string().nullish().describe("How a relative date was resolved against the article's date."),
  placeId: rowId.nullish(),
  targetFacility: z.string().nullish(),
  isAggregate: z.boolean().describe('True for an undated collection of events ("five strikes in Iraq and Syria").'),
  eventCount: z.number().int().nonnegative().nullish(),
});

const participation: z.ZodType<Row<"participations">> = z.strictObject({
  id: rowId,
  incidentId: rowId,
  actorId: rowId,
  role: z.enum(ParticipantRole),
  basis: z.enum(ParticipationBasis),
  evidence: evidenceInputSchema,
});

const claimStatusReport: z.ZodType<Row<"claimStatusReports">> = z.strictObject({
  id: rowId,
  incidentId: rowId,
  status: z.enum(ClaimStatus),
  evidence: evidenceInputSchema,
});

const munition: z.ZodType<Row<"munitions">> = z.strictObject({
  id: rowId,
  incidentId: rowId,
  kind: z.enum(MunitionKind),
  description: z.string().nullish(),
  count: z.number().int().nonnegative().nullish(),
  qualifier: z.enum(CountQualifier),
  evidence: evidenceInputSchema,
});

const casualty: z.ZodType<Row<"casualties">> = z.strictObject({
  id: rowId,
  incidentId: rowId,
  population: z.enum(CasualtyPopulation),
  outcome: z.enum(CasualtyOutcome),
  count: z.number().int().nonnegative().nullish().describe("Null when the article gives no number."),
  qualifier: z.enum(CountQualifier),
  evidence: evidenceInputSchema,
});

const damage: z.ZodType<Row<"damage">> = z.strictObject({
  id: rowId,
  incidentId: rowId,
  level: z.enum(DamageLevel),
  description: z.string().nullish(),
  evidence: evidenceInputSchema,
});

const report: z.ZodType<Row<"reports">> = z.strictObject({
  id: rowId,
  incidentId: rowId,
  account: z.string().min(1).describe("What this article says happened, in a line."),
  evidence: evidenceInputSchema,
});

const link: z.ZodType<Row<"links">> = z.strictObject({
  id: rowId,
  fromIncidentId: rowId,
  toIncidentId: rowId,
  kind: z.enum(IncidentLinkKind),
  evidence: evidenceInputSchema,
});

/** The tables of the incident section, in import order (parents first). */
const TABLES = [
  "places",
  "placeAliases",
  "incidents",
  "participations",
  "claimStatusReports",
  "munitions",
  "casualties",
  "damage",
  "reports",
  "links",
] as const;

/** The `incident` section of a bundle: every table optional. */
export const incidentSection: z.ZodType<Partial<IncidentDataset>> = z
  .strictObject({
    places: z.array(place).optional().describe("Gazetteer: places, their kind and coordinates."),
    placeAliases: z.array(placeAlias).optional().describe("Other names of places, as an article writes them."),
    incidents: z.array(incident).optional().describe("Attacks, strikes, seizures, arrests, and undated collections of them."),
    participations: z.array(participation).optional().describe("Who took part in an incident, in what role, on what basis."),
    claimStatusReports: z.array(claimStatusReport).optional().describe("Whether anyone claimed an incident, per article."),
    munitions: z.array(munition).optional().describe("What was fired or used, per article."),
    casualties: z.array(casualty).optional().describe("Killed and injured, per article (or none reported)."),
    damage: z.array(damage).optional().describe("Damage, per article."),
    reports: z.array(report).optional().describe("One per article that mentions an incident."),
    links: z.array(link).optional().describe("Incidents linked to others (part of, retaliation for, follow-up to)."),
  })
  .describe("Owned by the incident subgraph.");

/** The incident subgraph's part of every bundle under `dir`, validated and concatenated in import order. */
export function readIncidentDataset(dir: string): IncidentDataset {
  return readDataset(dir, "incident", incidentSection, TABLES);
}
