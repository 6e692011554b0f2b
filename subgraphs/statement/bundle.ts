import { z } from "zod/v4";
import { readDataset, rowId } from "../lib/bundle-file";
import { evidenceInputSchema } from "../lib/evidence";
import { CitationKind, DatePrecision, FigureMetric, FigureQualifier, FigureRank, StanceKind, StatementChannel, StatementMode } from "./enums";
import type { StatementDataset } from "./seed";

// The `statement` section of a dataset bundle: the rows this subgraph imports, table by table, as
// the importer takes them. Typed against the entities (`StatementDataset`).

type Row<K extends keyof StatementDataset> = StatementDataset[K][number];

const source: z.ZodType<Row<"sources">> = z.strictObject({
  id: rowId.describe("`src-` and the article file's number."),
  fileName: z.string().min(1).describe("The article's file name in shared/seeds."),
  title: z.string().min(1),
  outletId: rowId.nullish(),
  outletStated: z.boolean(),
  outletReasoning: z.string().nullish().describe("Why the outlet is what it is, when the article does not name it."),
  publishedOn: z.iso.date(),
  publishedOnStated: z.boolean(),
  publishedOnReasoning: z.string().min(1).describe("Where the date is printed, or how it was inferred from the text."),
  text: z.string().min(1).describe("The article, verbatim: every evidence sentence of this source is a substring of it."),
});

const citation: z.ZodType<Row<"citations">> = z.strictObject({
  id: rowId,
  sourceId: rowId,
  actorId: rowId,
  kind: z.enum(CitationKind),
  sentence: z.string().min(1),
});

const statement: z.ZodType<Row<"statements">> = z.strictObject({
  id: rowId,
  speakerId: rowId,
  onBehalfOfId: rowId.nullish().describe("The body a spokesperson or official speaks for."),
  viaId: rowId.nullish().describe("The outlet the statement was reported through."),
  saidOn: z.iso.date(),
  saidOnPrecision: z.enum(DatePrecision),
  saidOnResolution: z.string().nullish().describe("How the date was resolved from the article's words."),
  channel: z.enum(StatementChannel),
  mode: z.enum(StatementMode),
  text: z.string().min(1),
});

const quote: z.ZodType<Row<"quotes">> = z.strictObject({
  id: rowId,
  statementId: rowId,
  text: z.string().min(1).describe("The quoted words, verbatim; contained in the evidence sentence."),
  evidence: evidenceInputSchema,
});

const stance: z.ZodType<Row<"stances">> = z.strictObject({
  id: rowId,
  statementId: rowId,
  kind: z.enum(StanceKind),
  incidentId: rowId.nullish(),
  actorId: rowId.nullish(),
  object: z.string().nullish().describe("What the stance is about, when it is neither an incident nor an actor."),
});

const statementIncident: z.ZodType<Row<"statementIncidents">> = z.strictObject({ statementId: rowId, incidentId: rowId });

const statementActor: z.ZodType<Row<"statementActors">> = z.strictObject({ statementId: rowId, actorId: rowId });

const appearance: z.ZodType<Row<"appearances">> = z.strictObject({ id: rowId, statementId: rowId, evidence: evidenceInputSchema });

const figure: z.ZodType<Row<"figures">> = z.strictObject({
  id: rowId,
  metric: z.enum(FigureMetric),
  value: z.number().nullish(),
  qualifier: z.enum(FigureQualifier),
  periodStart: z.iso.date().nullish(),
  asOf: z.iso.date(),
  scope: z.string().nullish(),
  reportedById: rowId.nullish(),
  statementId: rowId.nullish(),
  incidentId: rowId.nullish(),
  rank: z.enum(FigureRank),
  rankReason: z.string().nullish().describe("Why the figure is preferred or deprecated."),
  rawText: z.string().min(1).describe("The figure as printed."),
  evidence: evidenceInputSchema,
});

/** The tables of the statement section, in import order. */
const TABLES = ["sources", "citations", "statements", "quotes", "stances", "statementIncidents", "statementActors", "appearances", "figures"] as const;

/** The `statement` section of a bundle: every table optional. */
export const statementSection: z.ZodType<Partial<StatementDataset>> = z
  .strictObject({
    sources: z.array(source).optional().describe("The article itself: file, outlet, date, text."),
    citations: z.array(citation).optional().describe("Outlets and agencies the article cites."),
    statements: z.array(statement).optional().describe("What someone said, once, however many articles report it."),
    quotes: z.array(quote).optional().describe("Verbatim words of a statement."),
    stances: z
      .array(stance)
      .optional()
      .describe("Every stance a statement takes (condemns, threatens, pledges...), each on an incident, an actor or an object."),
    statementIncidents: z.array(statementIncident).optional().describe("Incidents a statement is about."),
    statementActors: z.array(statementActor).optional().describe("Actors a statement is about."),
    appearances: z.array(appearance).optional().describe("Each article a statement appears in, with the sentence."),
    figures: z.array(figure).optional().describe("Reported figures (attack tallies, injuries, troop numbers), each in its series."),
  })
  .describe("Owned by the statement subgraph.");

/** The statement subgraph's part of every bundle under `dir`, validated and concatenated in import order. */
export function readStatementDataset(dir: string): StatementDataset {
  return readDataset(dir, "statement", statementSection, TABLES);
}
