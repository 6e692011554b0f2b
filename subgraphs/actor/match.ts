import { Field, Float, ObjectType } from "type-graphql";
import { Actor } from "./actor";
import { AliasKind } from "./enums";

@ObjectType({ description: "An actor found by name, with the name that matched." })
export class ActorMatch {
  @Field(() => Actor, { description: "The actor." })
  actor: Actor;

  @Field(() => String, { description: "The canonical name or alias that matched, as written." })
  matchedName: string;

  @Field(() => AliasKind, { nullable: true, description: "The kind of alias that matched; null when the canonical name matched." })
  matchedAliasKind: AliasKind | null;

  @Field(() => Float, {
    description: "How well it matched, 0 to 1 (1: the same name once case, diacritics, apostrophes, hyphens and al-/el- prefixes are ignored).",
  })
  score: number;
}
