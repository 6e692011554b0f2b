import { GraphQLDateTime } from "graphql-scalars";
import { Field } from "type-graphql";
import { Column, Index } from "typeorm";

/**
 * `updatedAt` of rows written before they had one (the column was added by a migration): earlier than
 * any sync, so a client that syncs from scratch reads them and one that syncs from later skips them.
 */
export const BEFORE_ANY_SYNC = "1970-01-01T00:00:00.000Z";

/** The columns `Retractable` adds; an entity declares them (`implements RetractableColumns`). */
export interface RetractableColumns {
  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}

/**
 * Class decorator of a record that writes can retract: a retraction keeps the row and says when and
 * why (`retractedAt`, `retractedReason`), and `updatedAt` says when it last changed, for incremental
 * sync. Entities that already had `updatedAt` (incidents) pass `{ updatedAt: false }`.
 *
 * A decorator rather than a base class: type-graphql 2 merges a base class's fields only when the base
 * is itself an object type, which would print an extra type into every subgraph's SDL.
 */
export function Retractable(options: { updatedAt?: boolean } = {}): ClassDecorator {
  return (target) => {
    const prototype = target.prototype as object;
    if (options.updatedAt !== false) {
      Field(() => GraphQLDateTime, { description: "When this record last changed (a retraction is a change), for incremental sync (`updatedSince`)." })(
        prototype,
        "updatedAt",
      );
      Index()(prototype, "updatedAt");
      Column("varchar", { length: 32, default: BEFORE_ANY_SYNC })(prototype, "updatedAt");
    }
    Field(() => GraphQLDateTime, {
      nullable: true,
      description:
        "When this record was retracted; null while it stands. A retracted record keeps its row: a lookup by id still returns it, flagged; lists, search and name lookups leave it out, and `updatedSince` syncs return it with its reason.",
    })(prototype, "retractedAt");
    Column("varchar", { length: 32, nullable: true })(prototype, "retractedAt");
    Field(() => String, { nullable: true, description: "Why it was retracted (a misreading, a duplicate...); null while it stands." })(
      prototype,
      "retractedReason",
    );
    Column("text", { nullable: true })(prototype, "retractedReason");
  };
}

/** The rows that stand (not retracted), or all of them when a syncing client asks for retracted ones too. */
export function standing<T extends { retractedAt: string | null }>(rows: T[], includeRetracted?: boolean | null): T[] {
  return includeRetracted ? rows : rows.filter((row) => row.retractedAt === null);
}
