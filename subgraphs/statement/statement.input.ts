import { GraphQLDate } from "graphql-scalars";
import { Directive, Field, ID, InputType } from "type-graphql";
import { defineWriteResult, WrittenEvidence } from "../lib/writes";
import { DatePrecision, StatementChannel, StatementMode } from "./enums";
import { Statement } from "./statement";

@InputType({
  description:
    "A statement to create, or to replace by its stable id (idempotent: the same input again changes nothing). Ids of actors, incidents and the source are checked to exist before anything is written.",
})
export class StatementInput {
  @Field(() => ID, { description: "Stable statement id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { description: "Who said it (an actor id)." })
  speakerId: string;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { nullable: true, description: "The body the speaker spoke for (an actor id)." })
  onBehalfOfId?: string | null;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { nullable: true, description: "The outlet it was reported through (an actor id)." })
  viaId?: string | null;

  @Field(() => GraphQLDate, { description: "When it was said (the first day of the span)." })
  saidOn: Date;

  @Field(() => DatePrecision, { description: "How precisely `saidOn` is known." })
  saidOnPrecision: DatePrecision;

  @Field(() => String, { nullable: true, description: "The date as the article phrases it and how it was resolved." })
  saidOnResolution?: string | null;

  @Field(() => StatementChannel, { description: "How it was made." })
  channel: StatementChannel;

  @Field(() => StatementMode, { description: "How the article renders it." })
  mode: StatementMode;

  @Field(() => String, { description: "What was said." })
  text: string;

  @Directive('@reference(type: "Incident")')
  @Field(() => [ID], { nullable: true, description: "The incidents it is about; replaces the previous list when given, kept when left out." })
  aboutIncidentIds?: string[] | null;

  @Directive('@reference(type: "Actor")')
  @Field(() => [ID], { nullable: true, description: "The actors it is about; replaces the previous list when given, kept when left out." })
  aboutActorIds?: string[] | null;

  @Field(() => WrittenEvidence, {
    nullable: true,
    description:
      "Required: the article the statement appears in and the sentence (stored as one of its `appearances`; another source adds another appearance). Nullable in the schema only so that leaving it out is answered with BAD_USER_INPUT naming `input.evidence`.",
  })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

@InputType({ description: "A statement to retract: its row is kept, flagged with the time and the reason." })
export class RetractStatementInput {
  @Field(() => ID, { description: "Id of the statement." })
  id: string;

  @Field(() => String, { description: "Why it is retracted (not empty)." })
  reason: string;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

/** What a statement write did. */
export const StatementWriteResult = defineWriteResult(Statement, "Statement", "statement", "statementWrites");
