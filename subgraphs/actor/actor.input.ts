import { Directive, Field, ID, InputType } from "type-graphql";
import { defineWriteResult, WrittenEvidence } from "../lib/writes";
import { Actor } from "./actor";
import { ActorAlias } from "./alias";
import { ActorKind, AliasKind } from "./enums";

@InputType({
  description:
    "An actor to create, or to replace by its stable id (idempotent: the same input again changes nothing). The evidence's source is checked to exist before anything is written.",
})
export class ActorInput {
  @Field(() => ID, { description: "Stable actor id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Field(() => String, { description: "Canonical name; for an anonymous actor, the description the source gives (not empty)." })
  name: string;

  @Field(() => ActorKind, { description: "What kind of actor." })
  kind: ActorKind;

  @Field(() => Boolean, { nullable: true, description: "True for an actor the sources do not name (default false)." })
  anonymous?: boolean | null;

  @Field(() => String, { nullable: true, description: "One line on who this is." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the actor's country." })
  countryCode?: string | null;

  @Field(() => WrittenEvidence, {
    nullable: true,
    description:
      "Required: the article and the sentence that introduce the actor. Nullable in the schema only so that leaving it out is answered with BAD_USER_INPUT naming `input.evidence`.",
  })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

@InputType({
  description:
    "Another name of an actor, to create or replace by its stable id (idempotent); `resolveActor` finds the actor by it from then on. The actor and the evidence's source are checked to exist before anything is written.",
})
export class AliasInput {
  @Field(() => ID, { description: "Stable alias id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { description: "The actor it names (an actor id)." })
  actorId: string;

  @Field(() => String, { description: "The name as written (not empty)." })
  name: string;

  @Field(() => AliasKind, { description: "How this name relates to the canonical one." })
  kind: AliasKind;

  @Field(() => WrittenEvidence, {
    nullable: true,
    description:
      "Required: the article and the sentence that use this name. Nullable in the schema only so that leaving it out is answered with BAD_USER_INPUT naming `input.evidence`.",
  })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

/** What an actor write did. */
export const ActorWriteResult = defineWriteResult(Actor, "Actor", "actor", "actorWrites");
/** What an alias write did. */
export const AliasWriteResult = defineWriteResult(ActorAlias, "ActorAlias", "alias", "actorWrites");
