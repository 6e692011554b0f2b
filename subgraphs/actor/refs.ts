import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Key-only stub of the statement subgraph's `Source` (an article). */
@ObjectType("Source", { description: "A source article (owned by the statement subgraph)." })
@Directive('@key(fields: "id", resolvable: false)')
export class Source {
  @Field(() => ID, { description: "Stable source id." })
  id: string;
}
