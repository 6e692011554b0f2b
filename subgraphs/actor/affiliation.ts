import { Field, ID, ObjectType } from "type-graphql";
import { GraphQLDate } from "graphql-scalars";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { AffiliationRole } from "./enums";
import { Evidence } from "./evidence";
import { Retractable, type RetractableColumns } from "../lib/retractable";

@ObjectType({ description: "`actor` is `role` of `organization` (Matthew Miller is SPOKESPERSON_OF the State Department), over a time span where known." })
@Retractable()
@Entity("affiliation")
@Index(["organizationId", "role"])
export class Affiliation implements RetractableColumns {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  actorId: string;

  @Column("varchar", { length: 64 })
  organizationId: string;

  @Field(() => AffiliationRole, { description: "The relation." })
  @Column("varchar", { length: 32 })
  role: AffiliationRole;

  @Field(() => String, { nullable: true, description: 'The title as the source gives it ("State Department spokesman").' })
  @Column("varchar", { length: 200, nullable: true })
  title: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "From when, where known." })
  @Column("varchar", { length: 10, nullable: true })
  since: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: "Until when, where known; null while current." })
  @Column("varchar", { length: 10, nullable: true })
  until: string | null;

  // Exposed (nullable) through the resolver, which turns an all-null embedded value into null.
  @Column(() => Evidence)
  evidence: Evidence | null;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}
