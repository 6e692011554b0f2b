import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Retractable, type RetractableColumns } from "../lib/retractable";
import { ActorKind } from "./enums";
import { Evidence } from "./evidence";

@ObjectType({
  description:
    'A state, government body, person, armed group, alliance, military unit, coalition or media outlet. Anonymous actors ("a Pentagon official") are kept as such, without invented names.',
})
@Directive('@key(fields: "id")')
@Retractable()
@Entity("actor")
@Index(["name", "id"])
export class Actor implements RetractableColumns {
  @Field(() => ID, { description: "Stable actor id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Field(() => String, { description: "Canonical name; for an anonymous actor, the description the source gives." })
  @Column("varchar", { length: 200 })
  name: string;

  /** `name` folded for matching (see `foldName`). */
  @Index()
  @Column("varchar", { length: 200 })
  folded: string;

  @Field(() => ActorKind, { description: "What kind of actor." })
  @Index()
  @Column("varchar", { length: 32 })
  kind: ActorKind;

  @Field(() => Boolean, { description: 'True for an actor the sources do not name ("a US military official").' })
  @Column("boolean", { default: false })
  anonymous: boolean;

  @Field(() => String, { nullable: true, description: "One line on who this is." })
  @Column("text", { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the actor's country, where it has one." })
  @Column("varchar", { length: 2, nullable: true })
  countryCode: string | null;

  // Exposed (nullable) through the resolver, which turns an all-null embedded value into null: actors
  // of the bundled dataset are reference data, written ones name the sentence that introduces them.
  @Column(() => Evidence)
  evidence: Evidence | null;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}
