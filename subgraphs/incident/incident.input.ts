import { GraphQLDateTime } from "graphql-scalars";
import { Directive, Field, Float, ID, InputType, Int } from "type-graphql";
import { defineWriteResult, WrittenEvidence } from "../lib/writes";
import { AcledEventType, AcledSubEventType, IncidentType, ParticipantRole, ParticipationBasis, PlaceAliasKind, PlaceKind, TimePrecision } from "./enums";
import { IncidentReport, Participation } from "./facts";
import { Incident } from "./incident";
import { Place } from "./place";

const EVIDENCE_REQUIRED = "Nullable in the schema only so that leaving it out is answered with BAD_USER_INPUT naming `input.evidence`.";
const IMPORT_ID = "The import run this write belongs to (recorded in the audit).";

@InputType({
  description:
    "An incident to create, or to replace by its stable id (idempotent: the same input again changes nothing). Its place and the evidence's source are checked to exist before anything is written.",
})
export class IncidentInput {
  @Field(() => ID, { description: "Stable incident id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Field(() => String, { description: "Short title (not empty, at most 300 characters)." })
  title: string;

  @Field(() => String, { description: "What happened, in a few sentences (not empty)." })
  summary: string;

  @Field(() => IncidentType, { description: "What kind of event this is." })
  type: IncidentType;

  @Field(() => AcledEventType, { description: "ACLED event type." })
  acledEventType: AcledEventType;

  @Field(() => AcledSubEventType, { description: "ACLED sub-event type." })
  acledSubEventType: AcledSubEventType;

  @Field(() => GraphQLDateTime, { description: "Start of the time span the incident happened in." })
  startsAt: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "End of that time span; `startsAt` when left out (an exact time)." })
  endsAt?: Date | null;

  @Field(() => TimePrecision, { description: "How precisely the time is known." })
  timePrecision: TimePrecision;

  @Field(() => Boolean, { nullable: true, description: "True when the sources give the time only approximately (default false)." })
  timeApproximate?: boolean | null;

  @Field(() => String, { nullable: true, description: "The time as the sources phrase it." })
  timePhrase?: string | null;

  @Field(() => String, { nullable: true, description: "How a relative date was resolved against an article's date." })
  timeResolution?: string | null;

  @Directive('@reference(type: "Place")')
  @Field(() => ID, { nullable: true, description: "Where it happened (a place id)." })
  placeId?: string | null;

  @Field(() => String, { nullable: true, description: "The facility targeted, as the sources name it." })
  targetFacility?: string | null;

  @Field(() => Boolean, { nullable: true, description: "True for a collection of events reported without dates or places of their own (default false)." })
  isAggregate?: boolean | null;

  @Field(() => Int, { nullable: true, description: "For an aggregate, how many events it gathers (0 or more)." })
  eventCount?: number | null;

  @Field(() => WrittenEvidence, {
    nullable: true,
    description: `Required: the article that reports the incident and its sentence (stored as one of its \`reports\`, with the summary as the account; another source adds another report). ${EVIDENCE_REQUIRED}`,
  })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: IMPORT_ID })
  importId?: string | null;
}

@InputType({ description: "Another name of a place, as a source spells it." })
export class PlaceAliasInput {
  @Field(() => String, { description: "The name as written (not empty)." })
  name: string;

  @Field(() => PlaceAliasKind, { description: "How this name relates to the canonical one." })
  kind: PlaceAliasKind;

  @Field(() => WrittenEvidence, { nullable: true, description: `Required: where this spelling appears. ${EVIDENCE_REQUIRED}` })
  evidence?: WrittenEvidence | null;
}

@InputType({
  description:
    "A place to create, or to replace by its stable id (idempotent: the same input again changes nothing), with its aliases. Its parent place and the evidence's source are checked to exist before anything is written.",
})
export class PlaceInput {
  @Field(() => ID, { description: "Stable place id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Field(() => String, { description: "Canonical name (not empty)." })
  name: string;

  @Field(() => PlaceKind, { description: "What kind of place this is." })
  kind: PlaceKind;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country." })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: "Country name." })
  country?: string | null;

  @Field(() => String, { nullable: true, description: "First-level administrative division." })
  admin1?: string | null;

  @Field(() => Float, { nullable: true, description: "Latitude in decimal degrees, -90 to 90." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude in decimal degrees, -180 to 180." })
  longitude?: number | null;

  @Field(() => Int, { nullable: true, description: "ACLED geo-precision, 1 to 3." })
  geoPrecision?: number | null;

  @Field(() => Boolean, { nullable: true, description: "True when the coordinates come from a gazetteer, not from the articles (default true)." })
  coordinatesFromGazetteer?: boolean | null;

  @Directive('@reference(type: "Place")')
  @Field(() => ID, { nullable: true, description: "The larger place this one is in (a place id)." })
  parentId?: string | null;

  @Field(() => [PlaceAliasInput], { nullable: true, description: "Other names of the place; replaces the previous list when given, kept when left out." })
  aliases?: PlaceAliasInput[] | null;

  @Field(() => WrittenEvidence, { nullable: true, description: `Required: the article and the sentence that name the place. ${EVIDENCE_REQUIRED}` })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: IMPORT_ID })
  importId?: string | null;
}

@InputType({
  description:
    "An actor's part in an incident, to create or replace by its stable id (idempotent). The incident, the actor and the evidence's source are checked to exist before anything is written.",
})
export class ParticipationInput {
  @Field(() => ID, { description: "Stable participation id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Directive('@reference(type: "Incident")')
  @Field(() => ID, { description: "The incident (an incident id)." })
  incidentId: string;

  @Directive('@reference(type: "Actor")')
  @Field(() => ID, { description: "The actor (an actor id)." })
  actorId: string;

  @Field(() => ParticipantRole, { description: "The part played." })
  role: ParticipantRole;

  @Field(() => ParticipationBasis, { description: "Why the actor is said to play it." })
  basis: ParticipationBasis;

  @Field(() => WrittenEvidence, { nullable: true, description: `Required: the article and the sentence that say so. ${EVIDENCE_REQUIRED}` })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: IMPORT_ID })
  importId?: string | null;
}

@InputType({
  description:
    "An article's account of an incident, to create or replace by its stable id (idempotent). The incident and the article (the evidence's source) are checked to exist before anything is written.",
})
export class IncidentReportInput {
  @Field(() => ID, { description: "Stable report id (1 to 64 letters, digits and - _ . :)." })
  id: string;

  @Directive('@reference(type: "Incident")')
  @Field(() => ID, { description: "The incident reported (an incident id)." })
  incidentId: string;

  @Field(() => String, { description: "How this article describes the incident, in its own terms (not empty)." })
  account: string;

  @Field(() => WrittenEvidence, { nullable: true, description: `Required: the article and its first sentence about the incident. ${EVIDENCE_REQUIRED}` })
  evidence?: WrittenEvidence | null;

  @Field(() => String, { nullable: true, description: IMPORT_ID })
  importId?: string | null;
}

/** What an incident write did. */
export const IncidentWriteResult = defineWriteResult(Incident, "Incident", "incident", "incidentWrites");
/** What a place write did. */
export const PlaceWriteResult = defineWriteResult(Place, "Place", "place", "incidentWrites");
/** What a participation write did. */
export const ParticipationWriteResult = defineWriteResult(Participation, "Participation", "participation", "incidentWrites");
/** What an incident report write did. */
export const IncidentReportWriteResult = defineWriteResult(IncidentReport, "IncidentReport", "report", "incidentWrites");
