import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Key-only stub of the actor subgraph's `Actor`. Resolvable here because this subgraph contributes
 * `Actor.incidents` and `Actor.participations`.
 */
@ObjectType("Actor", { description: "A government body, official, armed group, state or outlet (owned by the actor subgraph)." })
@Directive('@key(fields: "id")')
export class Actor {
  @Field(() => ID, { description: "Stable actor id." })
  id: string;
}

/** Key-only stub of the statement subgraph's `Source` (an article). */
@ObjectType("Source", { description: "A source article (owned by the statement subgraph)." })
@Directive('@key(fields: "id", resolvable: false)')
export class Source {
  @Field(() => ID, { description: "Stable source id." })
  id: string;
}
