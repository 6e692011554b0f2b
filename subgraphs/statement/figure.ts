import { Directive, Field, Float, ID, ObjectType } from "type-graphql";
import { GraphQLDate } from "graphql-scalars";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { FigureMetric, FigureQualifier, FigureRank } from "./enums";
import { Evidence } from "./evidence";
import { Retractable, type RetractableColumns } from "../lib/retractable";

@ObjectType({
  description:
    "A number a source reports (attacks on US forces since 17 October, personnel injured, troops deployed). Figures for one metric over time form a series; disagreeing figures are all kept, each with its reporter and source, and ranked.",
})
@Directive('@key(fields: "id")')
@Retractable()
@Entity("reported_figure")
@Index(["metric", "asOf", "id"])
export class ReportedFigure implements RetractableColumns {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Field(() => FigureMetric, { description: "What is counted." })
  @Column("varchar", { length: 40 })
  metric: FigureMetric;

  @Field(() => Float, { nullable: true, description: 'The value; null when the source gives none ("dozens": see `rawText`).' })
  @Column("double precision", { nullable: true })
  value: number | null;

  @Field(() => FigureQualifier, { description: "How the value was stated." })
  @Column("varchar", { length: 16 })
  qualifier: FigureQualifier;

  @Field(() => GraphQLDate, { nullable: true, description: 'Start of the counted period ("since October 17").' })
  @Column("varchar", { length: 10, nullable: true })
  periodStart: string | null;

  @Field(() => GraphQLDate, { description: "The date the figure is valid on." })
  @Column("varchar", { length: 10 })
  asOf: string;

  @Field(() => String, { nullable: true, description: 'What the count covers ("US forces in Iraq and Syria").' })
  @Column("text", { nullable: true })
  scope: string | null;

  @Index()
  @Column("varchar", { length: 64, nullable: true })
  reportedById: string | null;

  @Index()
  @Column("varchar", { length: 64, nullable: true })
  statementId: string | null;

  @Index()
  @Column("varchar", { length: 64, nullable: true })
  incidentId: string | null;

  @Field(() => FigureRank, { description: "Which figure to prefer." })
  @Column("varchar", { length: 16 })
  rank: FigureRank;

  @Field(() => String, { nullable: true, description: "Why this rank (\"garbled in the article: 'since Oct. 80'\")." })
  @Column("text", { nullable: true })
  rankReason: string | null;

  @Field(() => String, { description: "The figure as printed." })
  @Column("text")
  rawText: string;

  @Field(() => Evidence, { description: "The sentence that reports it." })
  @Column(() => Evidence)
  evidence: Evidence;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}
