import { Directive, Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";

/** The stored shape of a piece of evidence: which article, which sentence. */
export interface EvidenceRow {
  sourceId: string;
  sentence: string;
  garbled: boolean;
  note: string | null;
}

/** A class whose instances are evidence rows and whose `source` field points at a Source entity. */
export type EvidenceClass = new () => EvidenceRow & { source: { id: string } };

/**
 * Makes the `Evidence` value type for one subgraph: a TypeORM embeddable (columns `evidenceSourceId`,
 * `evidenceSentence`...) that is also a `@shareable` GraphQL object. Every subgraph passes its own
 * `Source` class (a key-only stub, or the real entity in the statement subgraph), because subgraphs
 * never share classes; the GraphQL type is identical in all three so composition merges it.
 */
export function defineEvidence(Source: Function): EvidenceClass {
  @ObjectType("Evidence", { description: "Where a fact comes from: the source article and the sentence in it that states the fact." })
  @Directive("@shareable")
  class Evidence implements EvidenceRow {
    // Nullable in the database so that an optional piece of evidence (an affiliation known from
    // reference data rather than an article) can be absent; the import checks the required ones.
    @Column("varchar", { length: 64, nullable: true })
    sourceId: string;

    @Field(() => String, { description: "The sentence of the article that states the fact, verbatim." })
    @Column("text", { nullable: true })
    sentence: string;

    @Field(() => Boolean, { description: "True when the article's text is garbled at this point (a typo or a mangled figure); the sentence is kept as printed." })
    @Column("boolean", { default: false })
    garbled: boolean;

    @Field(() => String, { nullable: true, description: "How the fact was read from the sentence, where that needed judgement (a resolved relative date, an inferred reference)." })
    @Column("text", { nullable: true })
    note: string | null;

    @Field(() => Source, { description: "The article the sentence is from." })
    get source(): { id: string } {
      return { id: this.sourceId };
    }
  }
  return Evidence;
}

/** Evidence as written in a dataset: `garbled` and `note` may be left out. */
export interface EvidenceInput {
  sourceId: string;
  sentence: string;
  garbled?: boolean;
  note?: string | null;
}

type NullableKeys<T> = { [K in keyof T]: null extends T[K] ? K : never }[keyof T];
type AsInput<V> = V extends EvidenceRow ? EvidenceInput : V;

/**
 * The shape of an entity as written in a dataset: evidence as `EvidenceInput`, nullable columns
 * optional, getters and derived columns (`folded`, `updatedAt`) left to the importer via `Derived`.
 */
export type SeedRow<T, Derived extends keyof T = never> = {
  [K in Exclude<keyof T, NullableKeys<T> | Derived | "source">]: AsInput<T[K]>;
} & {
  [K in Exclude<NullableKeys<T>, Derived>]?: AsInput<NonNullable<T[K]>> | null;
};
