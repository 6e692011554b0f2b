import { createHash } from "node:crypto";
import { ActorKind } from "../actor/enums";
import type { ActorDataset } from "../actor/seed";
import {
  AcledSubEventType,
  CasualtyOutcome,
  CasualtyPopulation,
  ClaimStatus,
  CountQualifier,
  IncidentType,
  ParticipantRole,
  ParticipationBasis,
  PlaceKind,
} from "../incident/enums";
import type { IncidentDataset } from "../incident/seed";
import { foldName } from "../lib/names";
import type { StatementDataset } from "../statement/seed";
import type { AcledActorCell, AcledEvent } from "./acled-row";
import { spokenDate } from "./acled-row";

// An ACLED event as a dataset bundle: the incident, its place, the actors ACLED names and their
// parts, the fatalities, and one Source per event whose text is ACLED's notes, so that every fact
// of the row has the notes as its evidence sentence. Ids derive from `event_id_cnty` (and, for new
// actors and places, from their names), so importing the same row twice writes the same rows.

type ActorRow = ActorDataset["actors"][number];
type PlaceRow = IncidentDataset["places"][number];

/** A bundle as the import takes it: one section per subgraph. */
export interface AcledBundle {
  incident: Partial<IncidentDataset>;
  actor?: Partial<ActorDataset>;
  statement: Partial<StatementDataset>;
}

/** An actor cell of the row, resolved: an existing actor, or a new one to create. */
export interface ResolvedActor {
  cell: AcledActorCell;
  actorId: string;
  /** Set when no existing actor matched: the row to create. */
  created?: ActorRow;
}

/** The row's place, resolved: an existing place, or a new one to create. */
export interface ResolvedPlace {
  placeId: string;
  created?: PlaceRow;
}

const MAX_ID = 64;

/** A readable id from a prefix and names, shortened with a hash when it would pass 64 characters. */
export function stableId(prefix: string, ...parts: string[]): string {
  const slug = parts
    .map((part) => foldName(part).replace(/ /g, "-"))
    .filter((part) => part !== "")
    .join("--");
  const id = `${prefix}-${slug}`;
  if (id.length <= MAX_ID) return id;
  const hash = createHash("sha1").update(parts.join("\u0000")).digest("hex").slice(0, 10);
  return `${id.slice(0, MAX_ID - hash.length - 1).replace(/-+$/, "")}-${hash}`;
}

/** The incident id of an ACLED event: `inc-acled-irq61234`. */
export const incidentIdOf = (eventId: string): string => `inc-acled-${eventId.toLowerCase()}`;

/** The source id of an ACLED event: `src-acled-irq61234`. */
export const sourceIdOf = (eventId: string): string => `src-acled-${eventId.toLowerCase()}`;

/** ACLED's catch-all names for actors its sources could not identify. */
const UNIDENTIFIED = /^unidentified\b/i;

/** Names of people ACLED codes as actors but this graph does not hold as actors (victims, crowds). */
const NOT_ACTORS = /^(civilians|protesters|rioters)\b/i;

/**
 * Whether a cell names an actor this graph holds. Civilians, protesters and rioters are not actors
 * here (a civilian toll is a casualty report); on their side, the associated actors describe them
 * ("Journalists (Iraq)") and are left out too.
 */
export function holdsActor(cell: AcledActorCell): boolean {
  if (NOT_ACTORS.test(cell.name)) return false;
  return cell.inter === undefined || cell.inter.kind !== null;
}

/** True when ACLED could not identify the actor: each event then gets an anonymous actor of its own. */
export const isUnidentified = (cell: AcledActorCell): boolean => UNIDENTIFIED.test(cell.name);

/** The kind of a new actor: from its name where ACLED's naming says it, else from its category. */
function kindOf(cell: AcledActorCell): ActorKind {
  if (/^(military|police|naval|air) forces of\b/i.test(cell.name)) return ActorKind.MILITARY_UNIT;
  if (/^government of\b/i.test(cell.name)) return ActorKind.GOVERNMENT_BODY;
  return cell.inter?.kind ?? ActorKind.ARMED_GROUP;
}

/** The actor row to create for a cell no existing actor matched. */
export function newActor(event: AcledEvent, cell: AcledActorCell): ActorRow {
  if (isUnidentified(cell)) {
    return {
      id: `act-acled-${event.eventId.toLowerCase()}-${cell.slot}`,
      name: cell.name,
      kind: kindOf(cell),
      anonymous: true,
      description: `The actor ACLED codes as "${cell.name}" in ${cell.column} of event ${event.eventId}; not assumed to be the same as other events' unidentified actors.`,
    };
  }
  return {
    id: stableId("act-acled", cell.name),
    name: cell.name,
    kind: kindOf(cell),
    anonymous: false,
    description: `Actor named as ACLED codes it ("${cell.name}"); no existing actor or alias matched the name when it was imported.`,
  };
}

const FACILITY = /\b(air ?base|airbase|base|airport|airfield|embassy|consulate|camp|garrison|gas field|oil field|compound|outpost)\b/i;

/** The place row to create for a location no existing place matched. */
export function newPlace(event: AcledEvent, parentId: string | null): PlaceRow {
  return {
    id: stableId("place-acled", event.country, event.admin1 ?? "", event.admin2 ?? "", event.admin3 ?? "", event.location),
    name: event.location,
    kind: FACILITY.test(event.location) ? PlaceKind.FACILITY : PlaceKind.TOWN,
    countryCode: event.countryCode,
    country: event.country,
    admin1: event.admin1,
    latitude: event.latitude,
    longitude: event.longitude,
    geoPrecision: event.geoPrecision,
    coordinatesFromGazetteer: true,
    parentId,
  };
}

/** The first of `words` the notes mention, earliest first. */
function firstMentioned<T>(notes: string, words: [RegExp, T][]): T | undefined {
  let best: { at: number; value: T } | undefined;
  for (const [pattern, value] of words) {
    const at = notes.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, value };
  }
  return best?.value;
}

/** Our incident type: from ACLED's sub-event type, refined by the weapon the notes name first. */
export function incidentTypeOf(event: AcledEvent): IncidentType {
  const firer = event.actors.find((cell) => cell.column === "actor1")?.inter;
  switch (event.subEventType) {
    case AcledSubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK:
      return (
        firstMentioned(event.notes, [
          [/\brockets?\b|\bkatyusha/i, IncidentType.ROCKET],
          [/\bmortars?\b/i, IncidentType.MORTAR],
          [/\bmissiles?\b/i, IncidentType.MISSILE],
          [/\bdrones?\b|\bUAVs?\b/i, IncidentType.DRONE],
        ]) ?? IncidentType.INDIRECT_FIRE_UNSPECIFIED
      );
    case AcledSubEventType.AIR_DRONE_STRIKE:
      // ACLED codes a militia's attack drone as an air/drone strike too; ours tells them apart.
      return firer && firer.label !== "State forces" && firer.label !== "External/Other forces" ? IncidentType.DRONE : IncidentType.AIR_OR_DRONE_STRIKE;
    case AcledSubEventType.DISRUPTED_WEAPONS_USE:
      return IncidentType.INTERCEPTION;
    case AcledSubEventType.ARRESTS:
      return IncidentType.ARREST;
    default:
      return IncidentType.OTHER;
  }
}

/** What the notes say about responsibility: nobody claimed it, someone claimed it, or nothing. */
export function claimStatusOf(notes: string): ClaimStatus | null {
  if (/\b(no|not|without|nobody|none)\b[^.;]{0,40}\bclaim/i.test(notes) || /\bunclaimed\b/i.test(notes)) return ClaimStatus.UNCLAIMED;
  if (/\bclaim(s|ed)\b/i.test(notes)) return ClaimStatus.CLAIMED;
  return null;
}

/** ACLED's name without its period or country qualifier: "Military Forces of Iraq (2022-)" as "Military Forces of Iraq". */
export const withoutQualifier = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, "").trim();

/** True when the notes (folded) say this actor claimed the event: its name right before "claimed" ("Islamic Resistance in Iraq claimed"). */
function claimedBy(foldedNotes: string, cell: AcledActorCell): boolean {
  const name = foldName(withoutQualifier(cell.name));
  return [" claimed", " has claimed", " claims"].some((verb) => foldedNotes.includes(`${name}${verb}`));
}

/**
 * The role and basis of an actor cell. A disrupted weapons use is the interceptor's (actor1) act
 * against the firer (actor2). `foldedNotes` is null when the notes report no claim.
 */
function partOf(event: AcledEvent, cell: AcledActorCell, foldedNotes: string | null): { role: ParticipantRole; basis: ParticipationBasis } {
  const disrupted = event.subEventType === AcledSubEventType.DISRUPTED_WEAPONS_USE;
  const firing = disrupted ? cell.side === 2 : cell.side === 1;
  if (!firing) return { role: disrupted ? ParticipantRole.INTERCEPTOR : ParticipantRole.TARGET, basis: ParticipationBasis.CONFIRMED };
  const claimed = foldedNotes !== null && claimedBy(foldedNotes, cell);
  return { role: ParticipantRole.PERPETRATOR, basis: claimed ? ParticipationBasis.CLAIMED : ParticipationBasis.ALLEGED };
}

/** The bundle of one ACLED event, its actors and place resolved. */
export function acledBundle(event: AcledEvent, fileName: string, actors: ResolvedActor[], place: ResolvedPlace): AcledBundle {
  const incidentId = incidentIdOf(event.eventId);
  const sourceId = sourceIdOf(event.eventId);
  const evidence = (note?: string) => ({ sourceId, sentence: event.notes, ...(note ? { note } : {}) });

  const claimStatus = claimStatusOf(event.notes);
  const foldedNotes = claimStatus === ClaimStatus.CLAIMED ? foldName(event.notes) : null;
  const seen = new Set<string>();
  const participations = actors.flatMap(({ cell, actorId }) => {
    const { role, basis } = partOf(event, cell, foldedNotes);
    // Two cells naming the same actor in the same part are one participation.
    if (seen.has(`${actorId} ${role}`)) return [];
    seen.add(`${actorId} ${role}`);
    const column = cell.inter ? `${cell.column}, ${cell.inter.label}` : cell.column;
    return [{ id: `${incidentId}-p-${cell.slot}`, incidentId, actorId, role, basis, evidence: evidence(`ACLED codes "${cell.name}" in ${column}.`) }];
  });
  const createdActors = [...new Map(actors.flatMap(({ created }) => (created ? [[created.id, created] as const] : []))).values()];

  return {
    incident: {
      ...(place.created ? { places: [place.created] } : {}),
      incidents: [
        {
          id: incidentId,
          title: `${event.subEventLabel} in ${event.location}, ${event.country}, ${spokenDate(event.date)} (ACLED ${event.eventId})`,
          summary: event.notes,
          type: incidentTypeOf(event),
          acledEventType: event.eventType,
          acledSubEventType: event.subEventType,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          timePrecision: event.timePrecision,
          timeApproximate: event.timeApproximate,
          timeResolution: event.timeResolution,
          placeId: place.placeId,
          isAggregate: false,
        },
      ],
      participations,
      ...(claimStatus ? { claimStatusReports: [{ id: `${incidentId}-cs`, incidentId, status: claimStatus, evidence: evidence() }] } : {}),
      casualties: [
        {
          id: `${incidentId}-c`,
          incidentId,
          population: event.civilianTargeting ? CasualtyPopulation.CIVILIANS : CasualtyPopulation.UNSPECIFIED,
          outcome: CasualtyOutcome.KILLED,
          count: event.fatalities,
          // ACLED's fatality figures are its conservative estimates of all deaths in the event.
          qualifier: event.fatalities > 0 ? CountQualifier.AT_LEAST : CountQualifier.EXACT,
          evidence: evidence(`ACLED fatalities ${event.fatalities}: ACLED's conservative estimate of everyone killed in the event, whichever side.`),
        },
      ],
      reports: [{ id: `${incidentId}-r`, incidentId, account: event.notes, evidence: evidence() }],
    },
    ...(createdActors.length ? { actor: { actors: createdActors } } : {}),
    statement: {
      sources: [
        {
          id: sourceId,
          fileName,
          title: `ACLED event ${event.eventId}: ${event.eventLabel}, ${event.subEventLabel}, ${event.location}, ${spokenDate(event.date)}`,
          outletStated: false,
          outletReasoning: `An ACLED record; ACLED coded it from: ${event.source}${event.sourceScale ? ` (source scale: ${event.sourceScale})` : ""}.`,
          publishedOn: event.uploadedOn ?? event.date,
          publishedOnStated: event.uploadedOn !== null,
          publishedOnReasoning:
            event.uploadedOn !== null
              ? `ACLED's timestamp ${event.timestamp}: when ACLED last uploaded the record.`
              : "The export has no timestamp; the event date stands in for when ACLED recorded it.",
          text: event.notes,
        },
      ],
    },
  };
}
