import { Field, ID, ObjectType } from "type-graphql";
import { Retractable, type RetractableColumns } from "../lib/retractable";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AliasKind } from "./enums";
import { Evidence } from "./evidence";

@ObjectType("ActorAlias", { description: "Another name of an actor, as a source writes it." })
@Retractable()
@Entity("actor_alias")
export class ActorAlias implements RetractableColumns {
  @Field(() => ID, { description: "Stable alias id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  actorId: string;

  @Field(() => String, { description: "The name as written." })
  @Column("varchar", { length: 200 })
  name: string;

  @Index()
  @Column("varchar", { length: 200 })
  folded: string;

  @Field(() => AliasKind, { description: "How this name relates to the canonical one." })
  @Column("varchar", { length: 32 })
  kind: AliasKind;

  // Exposed (nullable) through the resolver, which turns an all-null embedded value into null.
  @Column(() => Evidence)
  evidence: Evidence | null;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}
