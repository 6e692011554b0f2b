import { GraphQLDate } from "graphql-scalars";
import { Directive, Field, ID, InputType } from "type-graphql";
import { defineWriteResult } from "../lib/writes";
import { Source } from "./source";

@InputType({
  description:
    "A source article to create, or to replace by its stable id (idempotent: the same input again changes nothing). An article is itself the evidence other facts cite, so it carries none; its outlet is checked to exist before anything is written.",
})
export class SourceInput {
  @Field(() => ID, { description: "Stable source id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Field(() => String, { description: "Headline, or the article's first line where it has none (not empty)." })
  title: string;

  @Field(() => String, { description: "The article's full text (not empty): the sentences that facts cite as evidence are from it." })
  text: string;

  @Field(() => GraphQLDate, { description: "Publication date." })
  publishedOn: Date;

  @Field(() => Boolean, { nullable: true, description: "True when the article states its date (default true)." })
  publishedOnStated?: boolean | null;

  @Field(() => String, { nullable: true, description: "How the publication date was established (default: as given by the writer)." })
  publishedOnReasoning?: string | null;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { nullable: true, description: "The outlet that published it (an actor id)." })
  outletId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "True when the article names its outlet (default true)." })
  outletStated?: boolean | null;

  @Field(() => String, { nullable: true, description: "How the outlet was established." })
  outletReasoning?: string | null;

  @Field(() => String, { nullable: true, description: "File name of the article, where it is kept as a file (default empty)." })
  fileName?: string | null;

  @Field(() => String, { nullable: true, description: "The import run this write belongs to (recorded in the audit)." })
  importId?: string | null;
}

/** What a source write did. */
export const SourceWriteResult = defineWriteResult(Source, "Source", "source", "statementWrites");
