import { GraphQLDate } from "graphql-scalars";
import { Directive, Field, Float, ID, InputType } from "type-graphql";
import { defineWriteResult, WrittenEvidence } from "../lib/writes";
import { FigureMetric, FigureQualifier, FigureRank } from "./enums";
import { ReportedFigure } from "./figure";

@InputType({
  description:
    "A reported figure to create, or to replace by its stable id (idempotent: the same input again changes nothing). Ids of the reporter, the statement and the incident are checked to exist before anything is written.",
})
export class FigureInput {
  @Field(() => ID, { description: "Stable figure id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Field(() => FigureMetric, { description: "What is counted." })
  metric: FigureMetric;

  @Field(() => Float, { nullable: true, description: 'The value; null when the source gives none ("dozens": see `rawText`).' })
  value?: number | null;

  @Field(() => FigureQualifier, { description: "How the value was stated." })
  qualifier: FigureQualifier;

  @Field(() => GraphQLDate, { nullable: true, description: "Start of the counted period." })
  periodStart?: Date | null;

  @Field(() => GraphQLDate, { description: "The date the figure is valid on." })
  asOf: Date;

  @Field(() => String, { nullable: true, description: "What the count covers." })
  scope?: string | null;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { nullable: true, description: "Who reported it (an actor id); null when the article states it in its own voice." })
  reportedById?: string | null;

  @Directive('@reference(type: "Statement")')
  @Field(() => ID, { nullable: true, description: "The statement that reported it (a statement id)." })
  statementId?: string | null;

  @Directive('@reference(type: "Incident")')
  @Field(() => ID, { nullable: true, description: "The incident or campaign it counts (an incident id)." })
  incidentId?: string | null;

  @Field(() => FigureRank, { description: "Which figure to prefer when sources disagree." })
  rank: FigureRank;

  @Field(() => String, { nullable: true, description: "Why this rank." })
  rankReason?: string | null;

  @Field(() => String, { description: "The figure as printed." })
  rawText: string;

  @Field(() => WrittenEvidence, {
    nullable: true,
    description:
      "Required: the article and the sentence that report the figure. Nullable in the schema only so that leaving it out is answered with BAD_USER_INPUT naming `input.evidence`.",
  })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

/** What a figure write did. */
export const FigureWriteResult = defineWriteResult(ReportedFigure, "Figure", "figure", "statementWrites");
