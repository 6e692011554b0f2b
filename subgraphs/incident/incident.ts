import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Retractable, type RetractableColumns } from "../lib/retractable";
import { AcledEventType, AcledSubEventType, IncidentType, TimePrecision } from "./enums";

@ObjectType({
  description:
    "Something that happened: an attack, a strike, an interception, an arrest. One incident gathers every article that reports it (see `reports`); what the articles disagree on is kept side by side in `munitions`, `casualties`, `damage` and `participants`.",
})
@Directive('@key(fields: "id")')
@Retractable({ updatedAt: false })
@Entity("incident")
@Index(["startsAt", "id"])
export class Incident implements RetractableColumns {
  @Field(() => ID, { description: "Stable incident id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Field(() => String, { description: "Short title." })
  @Column("varchar", { length: 300 })
  title: string;

  @Field(() => String, { description: "What happened, in a few sentences, as the sources together describe it." })
  @Column("text")
  summary: string;

  @Field(() => IncidentType, { description: "What kind of event this is. Where sources disagree on the weapon, see `munitions`." })
  @Index()
  @Column("varchar", { length: 32 })
  type: IncidentType;

  @Field(() => AcledEventType, { description: "ACLED event type." })
  @Index()
  @Column("varchar", { length: 40 })
  acledEventType: AcledEventType;

  @Field(() => AcledSubEventType, { description: "ACLED sub-event type." })
  @Index()
  @Column("varchar", { length: 48 })
  acledSubEventType: AcledSubEventType;

  @Field(() => GraphQLDateTime, { description: "Start of the time span the incident happened in (UTC)." })
  @Column("varchar", { length: 32 })
  startsAt: string;

  @Field(() => GraphQLDateTime, { description: "End of that time span (UTC). Equal to `startsAt` for an exact time." })
  @Index()
  @Column("varchar", { length: 32 })
  endsAt: string;

  @Field(() => TimePrecision, { description: "How precisely the time is known." })
  @Column("varchar", { length: 16 })
  timePrecision: TimePrecision;

  @Field(() => Boolean, { description: 'True when the sources give the time only approximately ("around 4:15 a.m.", "days after").' })
  @Column("boolean", { default: false })
  timeApproximate: boolean;

  @Field(() => String, { nullable: true, description: 'The time as the sources phrase it ("yesterday", "on Friday", "around 4:15 a.m. Friday").' })
  @Column("text", { nullable: true })
  timePhrase: string | null;

  @Field(() => String, { nullable: true, description: "How a relative date was resolved against an article's date." })
  @Column("text", { nullable: true })
  timeResolution: string | null;

  @Field(() => ID, { nullable: true, description: "Id of the place (see `place`)." })
  @Index()
  @Column("varchar", { length: 64, nullable: true })
  placeId: string | null;

  @Field(() => String, { nullable: true, description: 'The facility targeted, as the sources name it ("US embassy compound", "Ain al-Assad air base").' })
  @Column("varchar", { length: 300, nullable: true })
  targetFacility: string | null;

  @Field(() => Boolean, { description: 'True for a collection of events reported without dates or places of their own ("five strikes in Iraq and Syria").' })
  @Column("boolean", { default: false })
  isAggregate: boolean;

  @Field(() => Int, { nullable: true, description: "For an aggregate, how many events it gathers, as stated (see the reports for differing counts)." })
  @Column("integer", { nullable: true })
  eventCount: number | null;

  @Field(() => GraphQLDateTime, { description: "When this record last changed, for incremental sync." })
  @Index()
  @Column("varchar", { length: 32 })
  updatedAt: string;

  retractedAt: string | null;
  retractedReason: string | null;
}
