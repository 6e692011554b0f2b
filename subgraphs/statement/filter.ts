import { GraphQLDate, GraphQLDateTime } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import { badUserInput, checkLength, MAX_SEARCH_LENGTH } from "../lib/errors";
import { searchTerms } from "../lib/search-index";
import { FigureMetric, StanceKind, StatementChannel, StatementMode } from "./enums";
import type { ReportedFigure } from "./figure";
import type { StatementContext } from "./loaders";
import { statementSearch } from "./search";
import type { Statement } from "./statement";

@InputType({ description: "Which statements to list. All given conditions must hold." })
export class StatementFilter {
  @Field(() => [ID], { nullable: true, description: "Only statements by these speakers (actor ids; reach an actor by name with `resolveActor`)." })
  speakerIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Only statements made on behalf of these bodies, whoever said them (the State Department: every statement its spokespeople made for it).",
  })
  onBehalfOfIds?: string[] | null;

  @Field(() => [StanceKind], { nullable: true, description: "Only statements taking one of these stances." })
  stances?: StanceKind[] | null;

  @Field(() => [ID], { nullable: true, description: "Only statements about one of these incidents." })
  incidentIds?: string[] | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Only statements said on or after this day." })
  from?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Only statements said on or before this day." })
  to?: string | null;

  @Field(() => [StatementMode], { nullable: true, description: "Only statements rendered in one of these modes (VERBATIM, PARTIAL_QUOTE, PARAPHRASE)." })
  modes?: StatementMode[] | null;

  @Field(() => [StatementChannel], { nullable: true, description: "Only statements made through one of these channels." })
  channels?: StatementChannel[] | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      "Only statements changed at or after this moment (for incremental sync). Retracted ones are included, flagged by `retractedAt`, so a syncing client learns of retractions.",
  })
  updatedSince?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True includes retracted statements (flagged by `retractedAt`). Default: left out, unless `updatedSince` is given.",
  })
  includeRetracted?: boolean | null;

  @Field(() => String, { nullable: true, description: "Full-text search over statement text, quotes and the sentences they appear in (all words must match)." })
  search?: string | null;
}

@InputType({ description: "Which reported figures to list. All given conditions must hold." })
export class FigureFilter {
  @Field(() => [FigureMetric], { nullable: true, description: "Only these metrics." })
  metrics?: FigureMetric[] | null;

  @Field(() => [ID], { nullable: true, description: "Only figures reported by these actors." })
  reporterIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Only figures about these incidents (or campaigns)." })
  incidentIds?: string[] | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Only figures valid on or after this day (as-of date)." })
  from?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Only figures valid on or before this day (as-of date)." })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: "False leaves out DEPRECATED figures (garbled or known wrong). Default: included, with their rank." })
  includeDeprecated?: boolean | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: "Only figures changed at or after this moment (for incremental sync). Retracted ones are included, flagged by `retractedAt`.",
  })
  updatedSince?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True includes retracted figures (flagged by `retractedAt`). Default: left out, unless `updatedSince` is given.",
  })
  includeRetracted?: boolean | null;
}

/** `GraphQLDate` parses to a Date at midnight UTC; the database stores YYYY-MM-DD. */
function day(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

function checkRange(from: string | Date | null | undefined, to: string | Date | null | undefined): void {
  if (from && to && day(from) > day(to)) throw badUserInput("filter.to", `\`filter.to\` (${day(to)}) is before \`filter.from\` (${day(from)}); swap them.`);
}

/** Adds the filter's conditions to a query over statements aliased `s` (each an indexed lookup). */
export function applyStatementFilter(query: SelectQueryBuilder<Statement>, filter: StatementFilter | null | undefined, ctx: StatementContext): void {
  // Retracted statements stay in the table; lists hide them unless asked, or when syncing changes.
  if (!filter?.includeRetracted && !filter?.updatedSince) query.andWhere("s.retractedAt IS NULL");
  if (!filter) return;
  checkRange(filter.from, filter.to);
  if (filter.speakerIds) query.andWhere(filter.speakerIds.length ? "s.speakerId IN (:...fSpeakers)" : "1 = 0", { fSpeakers: filter.speakerIds });
  if (filter.onBehalfOfIds) query.andWhere(filter.onBehalfOfIds.length ? "s.onBehalfOfId IN (:...fBehalf)" : "1 = 0", { fBehalf: filter.onBehalfOfIds });
  if (filter.stances?.length)
    query.andWhere('s.id IN (SELECT fst."statementId" FROM statement_stance fst WHERE fst.kind IN (:...fStances))', { fStances: filter.stances });
  if (filter.incidentIds) {
    query.andWhere('s.id IN (SELECT fsi."statementId" FROM statement_incident fsi WHERE fsi."incidentId" IN (:...fIncidents))', {
      fIncidents: filter.incidentIds.length ? filter.incidentIds : ["-"],
    });
  }
  if (filter.from) query.andWhere("s.saidOn >= :fFrom", { fFrom: day(filter.from) });
  if (filter.to) query.andWhere("s.saidOn <= :fTo", { fTo: day(filter.to) });
  if (filter.modes?.length) query.andWhere("s.mode IN (:...fModes)", { fModes: filter.modes });
  if (filter.channels?.length) query.andWhere("s.channel IN (:...fChannels)", { fChannels: filter.channels });
  if (filter.updatedSince) query.andWhere("s.updatedAt >= :fUpdated", { fUpdated: filter.updatedSince.toISOString() });
  if (filter.search != null) {
    const terms = searchTerms(checkLength("filter.search", filter.search, MAX_SEARCH_LENGTH));
    if (terms.length === 0) throw badUserInput("filter.search", "`filter.search` has no words to search for; give at least one word of two letters or more.");
    const { sql, parameters } = statementSearch.matching(ctx.db.kind, "s", terms);
    query.andWhere(sql, parameters);
  }
}

/** Adds the filter's conditions to a query over figures aliased `f`. */
export function applyFigureFilter(query: SelectQueryBuilder<ReportedFigure>, filter: FigureFilter | null | undefined): void {
  // Retracted figures stay in the table; lists and series hide them unless asked, or when syncing changes.
  if (!filter?.includeRetracted && !filter?.updatedSince) query.andWhere("f.retractedAt IS NULL");
  if (!filter) return;
  if (filter.updatedSince) query.andWhere("f.updatedAt >= :fUpdated", { fUpdated: filter.updatedSince.toISOString() });
  checkRange(filter.from, filter.to);
  if (filter.metrics?.length) query.andWhere("f.metric IN (:...fMetrics)", { fMetrics: filter.metrics });
  if (filter.reporterIds) query.andWhere(filter.reporterIds.length ? "f.reportedById IN (:...fReporters)" : "1 = 0", { fReporters: filter.reporterIds });
  if (filter.incidentIds) query.andWhere(filter.incidentIds.length ? "f.incidentId IN (:...fIncidents)" : "1 = 0", { fIncidents: filter.incidentIds });
  if (filter.from) query.andWhere("f.asOf >= :fFrom", { fFrom: day(filter.from) });
  if (filter.to) query.andWhere("f.asOf <= :fTo", { fTo: day(filter.to) });
  if (filter.includeDeprecated === false) query.andWhere("f.rank <> :fDeprecated", { fDeprecated: "DEPRECATED" });
}
