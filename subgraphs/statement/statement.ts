import { Directive, Field, ID, ObjectType } from "type-graphql";
import { GraphQLDate, GraphQLDateTime } from "graphql-scalars";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DatePrecision, StanceKind, StatementChannel, StatementMode } from "./enums";
import { Evidence } from "./evidence";

@ObjectType({
  description:
    "Something an actor said or that was said on its behalf, as the articles report it. One statement reported by several articles is one statement with several `appearances`.",
})
@Directive('@key(fields: "id")')
@Entity("statement")
@Index(["saidOn", "id"])
export class Statement {
  @Field(() => ID, { description: "Stable statement id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  speakerId: string;

  @Index()
  @Column("varchar", { length: 64, nullable: true })
  onBehalfOfId: string | null;

  @Column("varchar", { length: 64, nullable: true })
  viaId: string | null;

  @Field(() => GraphQLDate, { description: "When it was said (the first day of the span, see `saidOnPrecision`)." })
  @Column("varchar", { length: 10 })
  saidOn: string;

  @Field(() => DatePrecision, { description: "How precisely `saidOn` is known." })
  @Column("varchar", { length: 8 })
  saidOnPrecision: DatePrecision;

  @Field(() => String, {
    nullable: true,
    description: 'The date as the article phrases it and how it was resolved ("on Friday" in an article of Saturday 9 December 2023).',
  })
  @Column("text", { nullable: true })
  saidOnResolution: string | null;

  @Field(() => StatementChannel, { description: "How it was made." })
  @Index()
  @Column("varchar", { length: 24 })
  channel: StatementChannel;

  @Field(() => StatementMode, { description: "How the articles render it." })
  @Index()
  @Column("varchar", { length: 16 })
  mode: StatementMode;

  @Field(() => String, { description: "What was said, in the articles' words where they quote, else as paraphrased." })
  @Column("text")
  text: string;

  @Field(() => GraphQLDateTime, { description: "When this record last changed (a retraction is a change), for incremental sync." })
  @Index()
  @Column("varchar", { length: 32 })
  updatedAt: string;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      "When the statement was retracted (`retractStatement`); null while it stands. A retracted statement keeps its row: `statement(id:)` still returns it, flagged; lists leave it out unless asked (`includeRetracted`, or `updatedSince` for sync).",
  })
  @Column("varchar", { length: 32, nullable: true })
  retractedAt: string | null;

  @Field(() => String, { nullable: true, description: "Why it was retracted (a misattribution, a duplicate...); null while it stands." })
  @Column("text", { nullable: true })
  retractedReason: string | null;
}

@ObjectType({ description: "Words of a statement quoted verbatim by an article." })
@Entity("statement_quote")
export class Quote {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  statementId: string;

  @Field(() => String, { description: "The quoted words." })
  @Column("text")
  text: string;

  @Field(() => Evidence, { description: "The sentence that carries the quote." })
  @Column(() => Evidence)
  evidence: Evidence;
}

@ObjectType({ description: "What a statement does (condemns, claims, pledges...) and to what or whom." })
@Entity("statement_stance")
@Index(["kind", "statementId"])
export class Stance {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  statementId: string;

  @Field(() => StanceKind, { description: "What the statement does." })
  @Column("varchar", { length: 32 })
  kind: StanceKind;

  @Column("varchar", { length: 64, nullable: true })
  incidentId: string | null;

  @Column("varchar", { length: 64, nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: 'What the stance is about when it is neither an incident nor an actor ("protect diplomatic missions").' })
  @Column("text", { nullable: true })
  object: string | null;
}

/** Which incidents a statement is about. */
@Entity("statement_incident")
@Index(["incidentId", "statementId"])
export class StatementIncident {
  @PrimaryColumn("varchar", { length: 64 })
  statementId: string;

  @PrimaryColumn("varchar", { length: 64 })
  incidentId: string;
}

/** Which actors a statement is about. */
@Entity("statement_actor")
@Index(["actorId", "statementId"])
export class StatementActor {
  @PrimaryColumn("varchar", { length: 64 })
  statementId: string;

  @PrimaryColumn("varchar", { length: 64 })
  actorId: string;
}

@ObjectType({ description: "An article a statement appears in, with the sentence." })
@Entity("statement_appearance")
export class Appearance {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  statementId: string;

  @Field(() => Evidence, { description: "The article and the sentence." })
  @Column(() => Evidence)
  evidence: Evidence;
}
