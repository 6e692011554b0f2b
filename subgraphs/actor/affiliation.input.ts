import { GraphQLDate } from "graphql-scalars";
import { Directive, Field, ID, InputType } from "type-graphql";
import { defineWriteResult, WrittenEvidence } from "../lib/writes";
import { Affiliation } from "./affiliation";
import { AffiliationRole } from "./enums";

@InputType({
  description:
    "An affiliation to create, or to replace by its stable id (idempotent: the same input again changes nothing): `actorId` is `role` of `organizationId`. Both actors and the evidence's source are checked to exist before anything is written.",
})
export class AffiliationInput {
  @Field(() => ID, { description: "Stable affiliation id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { description: "The member, official or component (an actor id)." })
  actorId: string;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { description: "The body it belongs to or speaks for (an actor id)." })
  organizationId: string;

  @Field(() => AffiliationRole, { description: "The relation." })
  role: AffiliationRole;

  @Field(() => String, { nullable: true, description: "The title as the source gives it." })
  title?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "From when, where known." })
  since?: Date | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Until when, where known; null while current." })
  until?: Date | null;

  @Field(() => WrittenEvidence, {
    nullable: true,
    description:
      "Required: the article and the sentence that state the affiliation. Nullable in the schema only so that leaving it out is answered with BAD_USER_INPUT naming `input.evidence`.",
  })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

/** What an affiliation write did. */
export const AffiliationWriteResult = defineWriteResult(Affiliation, "Affiliation", "affiliation", "actorWrites");
