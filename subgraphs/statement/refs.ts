import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of the actor subgraph's `Actor`; resolvable here because this subgraph adds `Actor.statements`. */
@ObjectType("Actor", { description: "A government body, official, armed group, state or outlet (owned by the actor subgraph)." })
@Directive('@key(fields: "id")')
export class Actor {
  @Field(() => ID, { description: "Stable actor id." })
  id: string;

  /** The actor subgraph's `componentIds`, sent by the gateway for `statementsWithParts` (`@requires`). */
  @Directive("@external")
  @Field(() => [ID], { description: "Ids of the bodies that are part of this actor (owned by the actor subgraph)." })
  componentIds?: string[];
}

/** Key-only stub of the incident subgraph's `Incident`; resolvable here because this subgraph adds `Incident.statements` and `Incident.figures`. */
@ObjectType("Incident", { description: "Something that happened (owned by the incident subgraph)." })
@Directive('@key(fields: "id")')
export class Incident {
  @Field(() => ID, { description: "Stable incident id." })
  id: string;
}
