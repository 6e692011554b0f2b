import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Retractable, type RetractableColumns } from "../lib/retractable";
import { PlaceAliasKind, PlaceKind } from "./enums";
import { Evidence } from "./evidence";

@ObjectType({ description: "A place where incidents happen: a facility, town, province, country or body of water." })
@Directive('@key(fields: "id")')
@Retractable()
@Entity("place")
@Index(["name", "id"])
export class Place implements RetractableColumns {
  @Field(() => ID, { description: "Stable place id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Field(() => String, { description: "Canonical name." })
  @Column("varchar", { length: 200 })
  name: string;

  /** `name` folded for matching (see `foldName`). */
  @Index()
  @Column("varchar", { length: 200 })
  folded: string;

  @Field(() => PlaceKind, { description: "What kind of place this is." })
  @Column("varchar", { length: 32 })
  kind: PlaceKind;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country, when the place is in one." })
  @Index()
  @Column("varchar", { length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: "Country name." })
  @Column("varchar", { length: 100, nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true, description: "First-level administrative division (province, governorate)." })
  @Column("varchar", { length: 100, nullable: true })
  admin1: string | null;

  @Field(() => Float, { nullable: true, description: "Latitude in decimal degrees (WGS 84), where known." })
  @Index()
  @Column("double precision", { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude in decimal degrees (WGS 84), where known." })
  @Column("double precision", { nullable: true })
  longitude: number | null;

  @Field(() => Int, { nullable: true, description: "ACLED geo-precision: 1 the site itself, 2 near it or part of a region, 3 a region's centroid." })
  @Column("integer", { nullable: true })
  geoPrecision: number | null;

  @Field(() => Boolean, { description: "True when the coordinates come from a gazetteer, not from the articles (the articles give no coordinates)." })
  @Column("boolean", { default: true })
  coordinatesFromGazetteer: boolean;

  @Field(() => ID, { nullable: true, description: "The larger place this one is in (a base in a province, a province in a country)." })
  @Index()
  @Column("varchar", { length: 64, nullable: true })
  parentId: string | null;

  // Exposed (nullable) through the resolver, which turns an all-null embedded value into null: places
  // of the bundled dataset come from a gazetteer, written ones name the sentence that places them.
  @Column(() => Evidence)
  evidence: Evidence | null;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}

@ObjectType({ description: "Another name of a place, as some source spells it." })
@Entity("place_alias")
export class PlaceAlias {
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  placeId: string;

  @Field(() => String, { description: "The name as written." })
  @Column("varchar", { length: 200 })
  name: string;

  @Index()
  @Column("varchar", { length: 200 })
  folded: string;

  @Field(() => PlaceAliasKind, { description: "How this name relates to the canonical one." })
  @Column("varchar", { length: 32 })
  kind: PlaceAliasKind;

  @Field(() => Evidence, { description: "Where this spelling appears." })
  @Column(() => Evidence)
  evidence: Evidence;
}
