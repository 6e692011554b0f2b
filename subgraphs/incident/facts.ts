import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import {
  CasualtyOutcome,
  CasualtyPopulation,
  ClaimStatus,
  CountQualifier,
  DamageLevel,
  IncidentLinkKind,
  MunitionKind,
  ParticipantRole,
  ParticipationBasis,
} from "./enums";
import { Evidence } from "./evidence";
import { Retractable, type RetractableColumns } from "../lib/retractable";

// The facts one source states about one incident. Each row carries its own evidence, so two
// sources that disagree are two rows, never one merged value.

@ObjectType({ description: "An actor's part in an incident, with who says so." })
@Retractable()
@Entity("participation")
@Index(["actorId", "role"])
@Index(["role", "basis", "incidentId"])
export class Participation implements RetractableColumns {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  incidentId: string;

  @Column("varchar", { length: 64 })
  actorId: string;

  @Field(() => ParticipantRole, { description: "The part played." })
  @Column("varchar", { length: 16 })
  role: ParticipantRole;

  @Field(() => ParticipationBasis, { description: "Why the actor is said to play it." })
  @Column("varchar", { length: 32 })
  basis: ParticipationBasis;

  @Field(() => Evidence, { description: "The sentence that says so." })
  @Column(() => Evidence)
  evidence: Evidence;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}

@ObjectType({ description: "What a source says about responsibility for an incident, including that nobody claimed it." })
@Entity("claim_status_report")
export class ClaimStatusReport {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  incidentId: string;

  @Field(() => ClaimStatus, { description: "Claimed, or not claimed by anyone." })
  @Column("varchar", { length: 16 })
  status: ClaimStatus;

  @Field(() => Evidence, { description: "The sentence that says so." })
  @Column(() => Evidence)
  evidence: Evidence;
}

@ObjectType({ description: "Munitions one source says were used." })
@Entity("munition_report")
export class MunitionReport {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  incidentId: string;

  @Field(() => MunitionKind, { description: "Kind of munition." })
  @Column("varchar", { length: 32 })
  kind: MunitionKind;

  @Field(() => String, { nullable: true, description: 'The munition as named ("Katyusha rockets", "attack drones").' })
  @Column("varchar", { length: 200, nullable: true })
  description: string | null;

  @Field(() => Int, { nullable: true, description: "How many, when stated." })
  @Column("integer", { nullable: true })
  count: number | null;

  @Field(() => CountQualifier, { description: "How the count was stated." })
  @Column("varchar", { length: 16 })
  qualifier: CountQualifier;

  @Field(() => Evidence, { description: "The sentence that says so." })
  @Column(() => Evidence)
  evidence: Evidence;
}

@ObjectType({ description: "Casualties one source reports, or that it reports none." })
@Entity("casualty_report")
@Index(["count", "incidentId"])
export class CasualtyReport {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  incidentId: string;

  @Field(() => CasualtyPopulation, { description: "Whose casualties." })
  @Column("varchar", { length: 32 })
  population: CasualtyPopulation;

  @Field(() => CasualtyOutcome, { description: "Killed or injured." })
  @Column("varchar", { length: 16 })
  outcome: CasualtyOutcome;

  @Field(() => Int, { nullable: true, description: "How many; 0 when the source says none; null when it gives no number." })
  @Column("integer", { nullable: true })
  count: number | null;

  @Field(() => CountQualifier, { description: "How the count was stated." })
  @Column("varchar", { length: 16 })
  qualifier: CountQualifier;

  @Field(() => Evidence, { description: "The sentence that says so." })
  @Column(() => Evidence)
  evidence: Evidence;
}

@ObjectType({ description: "Damage one source reports." })
@Entity("damage_report")
export class DamageReport {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  incidentId: string;

  @Field(() => DamageLevel, { description: "How much damage." })
  @Column("varchar", { length: 16 })
  level: DamageLevel;

  @Field(() => String, { nullable: true, description: "What was damaged, as stated." })
  @Column("varchar", { length: 300, nullable: true })
  description: string | null;

  @Field(() => Evidence, { description: "The sentence that says so." })
  @Column(() => Evidence)
  evidence: Evidence;
}

@ObjectType({ description: "One article's account of an incident." })
@Retractable()
@Entity("incident_report")
export class IncidentReport implements RetractableColumns {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  incidentId: string;

  @Field(() => String, { description: "How this article describes the incident, in its own terms." })
  @Column("text")
  account: string;

  @Field(() => Evidence, { description: "The article's first sentence about the incident." })
  @Column(() => Evidence)
  evidence: Evidence;

  updatedAt: string;
  retractedAt: string | null;
  retractedReason: string | null;
}

@ObjectType({ description: "A link from one incident to another (a retaliation, an arrest after an attack, a part of a wave)." })
@Entity("incident_link")
export class IncidentLink {
  @Field(() => ID, { description: "Stable id." })
  @PrimaryColumn("varchar", { length: 64 })
  id: string;

  @Index()
  @Column("varchar", { length: 64 })
  fromIncidentId: string;

  @Index()
  @Column("varchar", { length: 64 })
  toIncidentId: string;

  @Field(() => IncidentLinkKind, { description: "How `from` relates to `to`." })
  @Column("varchar", { length: 24 })
  kind: IncidentLinkKind;

  @Field(() => Evidence, { description: "The sentence that makes the link." })
  @Column(() => Evidence)
  evidence: Evidence;
}
