import { Directive, Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import { z } from "zod/v4";

/** The stored shape of a piece of evidence: which article, which sentence. */
export interface EvidenceRow {
  sourceId: string;
  sentence: string;
  garbled: boolean;
  note: string | null;
}

/** Description of `Evidence.source`, the same in every subgraph so that composition merges it. */
export const SOURCE_FIELD_DESCRIPTION = "The article the sentence is from (null only while the statement subgraph is unavailable).";

/** A class whose instances are evidence rows and whose `source` field points at a Source entity. */
export type EvidenceClass = new () => EvidenceRow & { source: { id: string } };

/**
 * Makes the `Evidence` value type for one subgraph: a TypeORM embeddable (columns `evidenceSourceId`,
 * `evidenceSentence`...) that is also a `@shareable` GraphQL object. Every subgraph passes its own
 * `Source` class (a key-only stub, or the real entity in the statement subgraph), because subgraphs
 * never share classes; the GraphQL type is identical in all three so composition merges it.
 */
export function defineEvidence(Source: Function, options: { resolveSourceHere?: boolean } = {}): EvidenceClass {
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

    @Field(() => Boolean, {
      description: "True when the article's text is garbled at this point (a typo or a mangled figure); the sentence is kept as printed.",
    })
    @Column("boolean", { default: false })
    garbled: boolean;

    @Field(() => String, {
      nullable: true,
      description: "How the fact was read from the sentence, where that needed judgement (a resolved relative date, an inferred reference).",
    })
    @Column("text", { nullable: true })
    note: string | null;

    get source(): { id: string } {
      return { id: this.sourceId };
    }
  }
  // Where Source is a key-only stub, the field returns the reference and the gateway fetches the
  // article from the statement subgraph. The statement subgraph resolves it itself (through its
  // loader), so there the field is declared by its resolver instead.
  if (!options.resolveSourceHere) {
    const descriptor = Object.getOwnPropertyDescriptor(Evidence.prototype, "source") as PropertyDescriptor;
    Field(() => Source, { nullable: true, description: SOURCE_FIELD_DESCRIPTION })(Evidence.prototype, "source", descriptor);
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
/** Columns the writes keep (see `Retractable`): set by the importer or a write, never by a dataset. */
type WriteColumns = "updatedAt" | "retractedAt" | "retractedReason";
type AsInput<V> = V extends EvidenceRow ? EvidenceInput : V;

/**
 * The shape of an entity as written in a dataset: evidence as `EvidenceInput`, nullable columns
 * optional, getters and derived columns (`folded`) left to the importer via `Derived`, and the
 * columns of writes (`updatedAt`, `retractedAt`, `retractedReason`) never in a dataset.
 */
export type SeedRow<T, Derived extends keyof T = never> = {
  [K in Exclude<keyof T, NullableKeys<T> | Derived | WriteColumns | "source">]: AsInput<T[K]>;
} & {
  [K in Exclude<NullableKeys<T>, Derived | WriteColumns>]?: AsInput<NonNullable<T[K]>> | null;
};

/** Evidence as a bundle writes it (validates to `EvidenceInput`). */
export const evidenceInputSchema: z.ZodType<EvidenceInput> = z
  .strictObject({
    sourceId: z.string().min(1).describe("Id of the source article (`src-000`...)."),
    sentence: z.string().min(1).describe("The sentence (or clause) of the article that states the fact, verbatim."),
    garbled: z.boolean().optional().describe("True when the article's text is garbled here (a typo, a mangled figure); explain it in `note`."),
    note: z.string().nullish().describe("How the fact was read from the sentence, where that needed judgement."),
  })
  .meta({ id: "Evidence", description: "Where a fact comes from: the source article and its sentence." });
