import { ActorKind } from "../actor/enums";
import { AcledEventType, AcledSubEventType } from "../incident/enums";

// ACLED's published vocabulary (codebook, 2023 edition, and the 2024 text form of the inter codes):
// the columns of an export, its event types with their sub-event types, and its actor categories.
// https://acleddata.com/knowledge-base/codebook/

/** Every column of an ACLED export, in ACLED's order. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

/** A column of an ACLED export. */
export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/** The columns a row cannot be mapped without: the header must have them all. */
export const REQUIRED_COLUMNS: readonly AcledColumn[] = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "country",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
];

/** "Explosions/Remote violence" as `EXPLOSIONS_REMOTE_VIOLENCE`: how our enums spell ACLED's labels. */
export function enumKey(label: string): string {
  return label
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** ACLED's sub-event types under each event type this graph holds. */
const SUB_EVENT_TYPES: Record<AcledEventType, readonly AcledSubEventType[]> = {
  [AcledEventType.BATTLES]: [
    AcledSubEventType.ARMED_CLASH,
    AcledSubEventType.GOVERNMENT_REGAINS_TERRITORY,
    AcledSubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
  ],
  [AcledEventType.EXPLOSIONS_REMOTE_VIOLENCE]: [
    AcledSubEventType.CHEMICAL_WEAPON,
    AcledSubEventType.AIR_DRONE_STRIKE,
    AcledSubEventType.SUICIDE_BOMB,
    AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
    AcledSubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED,
    AcledSubEventType.GRENADE,
  ],
  [AcledEventType.VIOLENCE_AGAINST_CIVILIANS]: [AcledSubEventType.SEXUAL_VIOLENCE, AcledSubEventType.ATTACK, AcledSubEventType.ABDUCTION_FORCED_DISAPPEARANCE],
  [AcledEventType.STRATEGIC_DEVELOPMENTS]: [
    AcledSubEventType.AGREEMENT,
    AcledSubEventType.ARRESTS,
    AcledSubEventType.CHANGE_TO_GROUP_ACTIVITY,
    AcledSubEventType.DISRUPTED_WEAPONS_USE,
    AcledSubEventType.HEADQUARTERS_OR_BASE_ESTABLISHED,
    AcledSubEventType.LOOTING_PROPERTY_DESTRUCTION,
    AcledSubEventType.NON_VIOLENT_TRANSFER_OF_TERRITORY,
    AcledSubEventType.OTHER,
  ],
};

/** ACLED event types that exist but that this graph of attacks does not hold, with the reason. */
const OUT_OF_MODEL_EVENT_TYPES: Record<string, string> = {
  PROTESTS: "protests are not attacks; this graph holds Battles, Explosions/Remote violence, Violence against civilians and Strategic developments",
  RIOTS: "riots are not attacks; this graph holds Battles, Explosions/Remote violence, Violence against civilians and Strategic developments",
};

/** An ACLED event type and sub-event type as our enums, or why they cannot be. */
export function acledTypes(eventLabel: string, subLabel: string): { eventType: AcledEventType; subEventType: AcledSubEventType } | { problem: string } {
  const eventKey = enumKey(eventLabel);
  if (OUT_OF_MODEL_EVENT_TYPES[eventKey]) return { problem: `event_type "${eventLabel}" is not imported: ${OUT_OF_MODEL_EVENT_TYPES[eventKey]}` };
  if (!(eventKey in SUB_EVENT_TYPES)) {
    return {
      problem: `unknown event_type "${eventLabel}"; ACLED's are Battles, Explosions/Remote violence, Violence against civilians, Strategic developments`,
    };
  }
  const eventType = eventKey as AcledEventType;
  const subKey = enumKey(subLabel) as AcledSubEventType;
  if (!SUB_EVENT_TYPES[eventType].includes(subKey)) {
    const allowed = SUB_EVENT_TYPES[eventType].map((sub) => sub.toLowerCase().replace(/_/g, " ")).join(", ");
    return { problem: `sub_event_type "${subLabel}" is not one of ACLED's sub-event types of "${eventLabel}" (${allowed})` };
  }
  return { eventType, subEventType: subKey };
}

/** One of ACLED's actor categories (the `inter1`/`inter2` columns). */
export interface InterCategory {
  label: string;
  /** The kind a new actor of this category gets; null where the category is not an actor in this graph. */
  kind: ActorKind | null;
  /** True for the categories that fire (state forces, armed groups, external forces). */
  armed: boolean;
}

const STATE: InterCategory = { label: "State forces", kind: ActorKind.MILITARY_UNIT, armed: true };
const REBELS: InterCategory = { label: "Rebel group", kind: ActorKind.ARMED_GROUP, armed: true };
const POLITICAL_MILITIA: InterCategory = { label: "Political militia", kind: ActorKind.ARMED_GROUP, armed: true };
const IDENTITY_MILITIA: InterCategory = { label: "Identity militia", kind: ActorKind.ARMED_GROUP, armed: true };
const RIOTERS: InterCategory = { label: "Rioters", kind: null, armed: false };
const PROTESTERS: InterCategory = { label: "Protesters", kind: null, armed: false };
const CIVILIANS: InterCategory = { label: "Civilians", kind: null, armed: false };
const EXTERNAL: InterCategory = { label: "External/Other forces", kind: ActorKind.MILITARY_UNIT, armed: true };

/** ACLED's inter codes: numbers until 2023, words since 2024; both are read. */
const INTER_CODES: Record<string, InterCategory> = {
  "1": STATE,
  "2": REBELS,
  "3": POLITICAL_MILITIA,
  "4": IDENTITY_MILITIA,
  "5": RIOTERS,
  "6": PROTESTERS,
  "7": CIVILIANS,
  "8": EXTERNAL,
  "state forces": STATE,
  "rebel group": REBELS,
  "political militia": POLITICAL_MILITIA,
  "identity militia": IDENTITY_MILITIA,
  rioters: RIOTERS,
  protesters: PROTESTERS,
  civilians: CIVILIANS,
  "external/other forces": EXTERNAL,
};

/** The actor category of an inter code ("3" or "Political militia"); undefined when unknown. */
export function interCategory(code: string): InterCategory | undefined {
  return INTER_CODES[code.trim().toLowerCase()];
}

/** The inter codes, as a person would type them, for messages. */
export const INTER_CODE_HINT =
  "1-8 or ACLED's words (State forces, Rebel group, Political militia, Identity militia, Rioters, Protesters, Civilians, External/Other forces)";
