import { registerEnumType } from "type-graphql";

/** What kind of event an incident is. */
export enum IncidentType {
  ROCKET = "ROCKET",
  MORTAR = "MORTAR",
  INDIRECT_FIRE_UNSPECIFIED = "INDIRECT_FIRE_UNSPECIFIED",
  DRONE = "DRONE",
  MISSILE = "MISSILE",
  AIR_OR_DRONE_STRIKE = "AIR_OR_DRONE_STRIKE",
  GROUND_RAID = "GROUND_RAID",
  INTERCEPTION = "INTERCEPTION",
  MARITIME_ATTACK = "MARITIME_ATTACK",
  SHIP_SEIZURE = "SHIP_SEIZURE",
  ARREST = "ARREST",
  OTHER = "OTHER",
}

/** ACLED event types, for interoperability with ACLED-based tooling. */
export enum AcledEventType {
  BATTLES = "BATTLES",
  EXPLOSIONS_REMOTE_VIOLENCE = "EXPLOSIONS_REMOTE_VIOLENCE",
  VIOLENCE_AGAINST_CIVILIANS = "VIOLENCE_AGAINST_CIVILIANS",
  STRATEGIC_DEVELOPMENTS = "STRATEGIC_DEVELOPMENTS",
}

/** ACLED sub-event types of the four event types this graph holds (ACLED codebook, 2023). */
export enum AcledSubEventType {
  ARMED_CLASH = "ARMED_CLASH",
  GOVERNMENT_REGAINS_TERRITORY = "GOVERNMENT_REGAINS_TERRITORY",
  NON_STATE_ACTOR_OVERTAKES_TERRITORY = "NON_STATE_ACTOR_OVERTAKES_TERRITORY",
  CHEMICAL_WEAPON = "CHEMICAL_WEAPON",
  AIR_DRONE_STRIKE = "AIR_DRONE_STRIKE",
  SUICIDE_BOMB = "SUICIDE_BOMB",
  SHELLING_ARTILLERY_MISSILE_ATTACK = "SHELLING_ARTILLERY_MISSILE_ATTACK",
  REMOTE_EXPLOSIVE_LANDMINE_IED = "REMOTE_EXPLOSIVE_LANDMINE_IED",
  GRENADE = "GRENADE",
  SEXUAL_VIOLENCE = "SEXUAL_VIOLENCE",
  ATTACK = "ATTACK",
  ABDUCTION_FORCED_DISAPPEARANCE = "ABDUCTION_FORCED_DISAPPEARANCE",
  AGREEMENT = "AGREEMENT",
  ARRESTS = "ARRESTS",
  CHANGE_TO_GROUP_ACTIVITY = "CHANGE_TO_GROUP_ACTIVITY",
  DISRUPTED_WEAPONS_USE = "DISRUPTED_WEAPONS_USE",
  HEADQUARTERS_OR_BASE_ESTABLISHED = "HEADQUARTERS_OR_BASE_ESTABLISHED",
  LOOTING_PROPERTY_DESTRUCTION = "LOOTING_PROPERTY_DESTRUCTION",
  NON_VIOLENT_TRANSFER_OF_TERRITORY = "NON_VIOLENT_TRANSFER_OF_TERRITORY",
  OTHER = "OTHER",
}

/** How precisely an incident's time is known. */
export enum TimePrecision {
  EXACT_TIME = "EXACT_TIME",
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}

/** The part an actor plays in an incident. */
export enum ParticipantRole {
  PERPETRATOR = "PERPETRATOR",
  TARGET = "TARGET",
  INTERCEPTOR = "INTERCEPTOR",
  ASSOCIATED = "ASSOCIATED",
}

/** Why an actor is said to play its part: who says so, and how firmly. */
export enum ParticipationBasis {
  CLAIMED = "CLAIMED",
  ATTRIBUTED_BY_OFFICIALS = "ATTRIBUTED_BY_OFFICIALS",
  ALLEGED = "ALLEGED",
  IMPLIED = "IMPLIED",
  DECLINED_TO_CLAIM = "DECLINED_TO_CLAIM",
  CONFIRMED = "CONFIRMED",
}

/** What a source says about responsibility for an incident, including that nobody claimed it. */
export enum ClaimStatus {
  CLAIMED = "CLAIMED",
  UNCLAIMED = "UNCLAIMED",
}

/** Kinds of munition or weapon. */
export enum MunitionKind {
  ROCKET = "ROCKET",
  MORTAR_ROUND = "MORTAR_ROUND",
  DRONE = "DRONE",
  MISSILE = "MISSILE",
  BALLISTIC_MISSILE = "BALLISTIC_MISSILE",
  UNSPECIFIED = "UNSPECIFIED",
}

/** How a count was stated. */
export enum CountQualifier {
  EXACT = "EXACT",
  ABOUT = "ABOUT",
  AT_LEAST = "AT_LEAST",
}

/** Whose casualties a casualty report counts. */
export enum CasualtyPopulation {
  US_PERSONNEL = "US_PERSONNEL",
  COALITION_PERSONNEL = "COALITION_PERSONNEL",
  MILITANTS = "MILITANTS",
  CIVILIANS = "CIVILIANS",
  UNSPECIFIED = "UNSPECIFIED",
}

/** Killed or injured. */
export enum CasualtyOutcome {
  KILLED = "KILLED",
  INJURED = "INJURED",
}

/** How much damage a source reports. */
export enum DamageLevel {
  NONE = "NONE",
  SUPERFICIAL = "SUPERFICIAL",
  DAMAGED = "DAMAGED",
  DESTROYED = "DESTROYED",
}

/** What kind of place a place is. */
export enum PlaceKind {
  FACILITY = "FACILITY",
  TOWN = "TOWN",
  DISTRICT = "DISTRICT",
  PROVINCE = "PROVINCE",
  REGION = "REGION",
  COUNTRY = "COUNTRY",
  BODY_OF_WATER = "BODY_OF_WATER",
}

/** How one incident relates to another. */
export enum IncidentLinkKind {
  RETALIATION_FOR = "RETALIATION_FOR",
  FOLLOW_UP_TO = "FOLLOW_UP_TO",
  PART_OF = "PART_OF",
}

/** How an alternative place name relates to the canonical one. */
export enum PlaceAliasKind {
  TRANSLITERATION = "TRANSLITERATION",
  MISSPELLING = "MISSPELLING",
  SHORT_FORM = "SHORT_FORM",
  DESCRIPTION = "DESCRIPTION",
}

const enums: [object, string, string][] = [
  [IncidentType, "IncidentType", "What kind of event an incident is."],
  [AcledEventType, "AcledEventType", "ACLED event type (https://acleddata.com/knowledge-base/codebook/)."],
  [
    AcledSubEventType,
    "AcledSubEventType",
    "ACLED sub-event type (of Battles, Explosions/Remote violence, Violence against civilians, Strategic developments).",
  ],
  [TimePrecision, "TimePrecision", "How precisely an incident's time is known."],
  [ParticipantRole, "ParticipantRole", "The part an actor plays in an incident."],
  [
    ParticipationBasis,
    "ParticipationBasis",
    "Why an actor is said to play its part: claimed by itself, attributed by officials, alleged, implied, declined to claim, or confirmed.",
  ],
  [ClaimStatus, "ClaimStatus", "What a source says about responsibility: claimed, or that nobody has claimed it."],
  [MunitionKind, "MunitionKind", "Kind of munition or weapon."],
  [CountQualifier, "CountQualifier", "How a count was stated: exactly, about, or at least."],
  [CasualtyPopulation, "CasualtyPopulation", "Whose casualties are counted."],
  [CasualtyOutcome, "CasualtyOutcome", "Killed or injured."],
  [DamageLevel, "DamageLevel", "How much damage a source reports."],
  [PlaceKind, "PlaceKind", "What kind of place a place is."],
  [IncidentLinkKind, "IncidentLinkKind", "How one incident relates to another."],
  [PlaceAliasKind, "PlaceAliasKind", "How an alternative place name relates to the canonical one."],
];
for (const [enumObject, name, description] of enums) registerEnumType(enumObject, { name, description });
