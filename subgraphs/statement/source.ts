import { Directive, Field, ID, ObjectType } from "type-graphql";
import { GraphQLDate } from "graphql-scalars";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { CitationKind } from "./enums";
import { Retractable, type RetractableColumns } from "../lib/retractable";

@ObjectType({ description: "A source article, with its outlet and publication date and how each was established." })
@Directive('@key(fields: "id")')
@Retractable()
@Entity("source")
export class Source implements RetractableColumns {
  @Field(() => ID, { description: "Stable source id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Field(() => String, { description: "File name of the article in the bundled dataset (`shared/seeds`)." })
  @Column("varchar", { length: 200 })
  fileName: string;

  @Field(() => String, { description: "Headline, or the article's first line where it has none." })
  @Column("text")
  title: string;

  @Column("varchar", { length: 64, nullable: true })
  outletId: string | null;

  @Field(() => Boolean, { description: "True when the article names its outlet; false when the outlet was inferred (see `outletReasoning`)." })
  @Column("boolean")
  outletStated: boolean;

  @Field(() => String, { nullable: true, description: "How the outlet was established." })
  @Column("text", { nullable: true })
  outletReasoning: string | null;

  @Field(() => GraphQLDate, { description: "Publication date." })
  @Index()
  @Column("varchar", { length: 10 })
  publishedOn: string;

  @Field(() => Boolean, { description: "True when the article states its date; false when it was inferred (see `publishedOnReasoning`)." })
  @Column("boolean")
  publishedOnStated: boolean;

  @Field(() => String, { description: "How the publication date was established." })
  @Column("text")
  publishedOnReasoning: string;

  @Field(() => String, { description: "The article's full text as bundled." })
  @Column("text")
  text: string;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}

@ObjectType({ description: "An outlet or agency an article cites." })
@Entity("source_citation")
export class SourceCitation {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  sourceId: string;

  @Column("varchar", { length: 64 })
  actorId: string;

  @Field(() => CitationKind, { description: "How the article cites it." })
  @Column("varchar", { length: 16 })
  kind: CitationKind;

  @Field(() => String, { description: "The words of the article that cite it." })
  @Column("text")
  sentence: string;
}
