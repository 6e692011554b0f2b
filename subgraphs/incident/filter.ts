import { GraphQLDateTime } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { type SelectQueryBuilder } from "typeorm";
import { badUserInput, checkLength, MAX_NAME_LENGTH, MAX_SEARCH_LENGTH } from "../lib/errors";
import { countUpTo, searchTerms } from "../lib/search-index";
import { AcledEventType, AcledSubEventType, IncidentType, ParticipantRole, ParticipationBasis } from "./enums";
import type { Incident } from "./incident";
import type { IncidentContext } from "./loaders";
import { placesNamed, placesWithin } from "./place-lookup";
import { incidentSearch } from "./search";

@InputType({ description: "A point and a radius: incidents at places within `radiusKm` of it (places without coordinates never match)." })
export class NearInput {
  @Field(() => Float, { nullable: true, description: "Latitude of the point, -90 to 90." })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: "Longitude of the point, -180 to 180." })
  longitude?: number | null;

  @Field(() => Float, { description: "Radius in kilometres, more than 0 and at most 2000." })
  radiusKm: number;
}

@InputType({ description: "Which incidents to list, in the terms of ACLED's query parameters. All given conditions must hold." })
export class IncidentFilter {
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: "Incidents whose time span ends at or after this moment (week- and month-precision events overlap it).",
  })
  from?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "Incidents whose time span starts at or before this moment." })
  to?: Date | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 country codes ("IQ", "SY").' })
  countryCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Places by id; incidents at a place inside one of them (a base in a province) count too." })
  placeIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A place by any of its names, resolved like `resolvePlace` ("al-Asaf airbase", "Ash Sadadi"); places inside it count too.',
  })
  place?: string | null;

  @Field(() => NearInput, { nullable: true, description: "Only incidents near a point." })
  near?: NearInput | null;

  @Field(() => [IncidentType], { nullable: true, description: "Only these incident types." })
  types?: IncidentType[] | null;

  @Field(() => [AcledEventType], { nullable: true, description: "Only these ACLED event types." })
  acledEventTypes?: AcledEventType[] | null;

  @Field(() => [AcledSubEventType], { nullable: true, description: "Only these ACLED sub-event types." })
  acledSubEventTypes?: AcledSubEventType[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Only incidents one of these actors took part in (with `role` and `basis`, if given, on the same claim). To filter by a name, use `resolveActor(name) { actor { incidents(...) } }`.",
  })
  actorIds?: string[] | null;

  @Field(() => ParticipantRole, { nullable: true, description: "With `actorIds`: only in this role. Alone: incidents with any participant in this role." })
  role?: ParticipantRole | null;

  @Field(() => ParticipationBasis, { nullable: true, description: "With `actorIds`: only on this basis (CLAIMED: claimed by the actor)." })
  basis?: ParticipationBasis | null;

  @Field(() => Int, { nullable: true, description: "Only incidents for which some source reports at least this many casualties (killed or injured)." })
  minCasualties?: number | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      "Only incidents changed at or after this moment (for incremental sync; a change to a participation or report counts). Retracted ones are included, flagged by `retractedAt`, so a syncing client learns of retractions.",
  })
  updatedSince?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "True includes retracted incidents (flagged by `retractedAt`). Default: left out, unless `updatedSince` is given.",
  })
  includeRetracted?: boolean | null;

  @Field(() => String, { nullable: true, description: "Full-text search over titles, summaries and evidence sentences (all words must match)." })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False leaves out aggregate incidents (collections such as "five strikes in Iraq and Syria"). Default: included.',
  })
  includeAggregates?: boolean | null;
}

const EARTH_KM_PER_DEGREE = 111.195;

function checkNear(near: NearInput): { latitude: number; longitude: number; radiusKm: number } {
  const { latitude, longitude, radiusKm } = near;
  if (latitude == null || longitude == null) {
    throw badUserInput("filter.near", "`filter.near` needs `latitude` and `longitude` with its `radiusKm`: a radius without a point matches nothing.");
  }
  if (!(latitude >= -90 && latitude <= 90))
    throw badUserInput("filter.near.latitude", `\`filter.near.latitude\` must be between -90 and 90 (got ${latitude}).`);
  if (!(longitude >= -180 && longitude <= 180))
    throw badUserInput("filter.near.longitude", `\`filter.near.longitude\` must be between -180 and 180 (got ${longitude}).`);
  if (!(radiusKm > 0 && radiusKm <= 2000))
    throw badUserInput("filter.near.radiusKm", `\`filter.near.radiusKm\` must be more than 0 and at most 2000 (got ${radiusKm}).`);
  return { latitude, longitude, radiusKm };
}

/** Rejects impossible filters before any SQL runs, naming the argument. */
export function checkIncidentFilter(filter: IncidentFilter | null | undefined): void {
  if (!filter) return;
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badUserInput("filter.to", `\`filter.to\` (${filter.to.toISOString()}) is before \`filter.from\` (${filter.from.toISOString()}); swap them.`);
  }
  if (filter.near) checkNear(filter.near);
  if (filter.minCasualties != null && filter.minCasualties < 0) throw badUserInput("filter.minCasualties", "`filter.minCasualties` must be 0 or more.");
}

/** Filter fields that leave a page walking the list order's index (`to` is a bound on it). */
const IN_ORDER = new Set(["search", "countryCodes", "to", "includeAggregates", "includeRetracted"]);
const walksInOrder = (filter: IncidentFilter) => Object.entries(filter).every(([field, value]) => value == null || IN_ORDER.has(field));

/** True when `terms` match enough incidents that a page of `walk` finds them sooner by walking than by listing every match. */
async function commonWords(ctx: IncidentContext, terms: string[], walk: number): Promise<boolean> {
  const [{ n: incidents } = { n: 0 }] = (await ctx.db.dataSource.query("SELECT MAX(rowid) AS n FROM incident")) as { n: number | null }[];
  const enough = Math.max(1, Math.ceil(Math.sqrt(walk * Number(incidents ?? 0))));
  return (await incidentSearch.countUpTo(ctx.db, terms, enough)) >= enough;
}

/** Places in the filter's countries from which a page tests each row's place instead of listing them all first. */
const MANY_PLACES = 1000;

/**
 * Adds the filter's conditions to a query over incidents aliased `i`. Every condition is an indexed
 * lookup (an `IN (SELECT ...)` on an indexed column, or a range on an indexed column). Returns hints
 * for the client, such as a place name that matched nothing.
 *
 * `walk`: the query reads one page of this many rows in list order (not a count or a grouping). On
 * SQLite, `x IN (SELECT ...)` first builds the whole set, which grows with the data (the places of a
 * country, the matches of a common word: 100,000 of them at 1M incidents); when the set is large a
 * page then tests each row it walks (`EXISTS`, an indexed lookup), and stops after `walk` matching
 * rows. A search reads about walk × incidents / matches rows that way, against `matches` to build the
 * set: the test per row is taken from sqrt(walk × incidents) matches on, counted no further than that,
 * and only when the other conditions leave the planner no index to start from but the list order's
 * (with a type or an actor, it would test every incident of that type or actor against the search).
 */
export async function applyIncidentFilter(
  query: SelectQueryBuilder<Incident>,
  filter: IncidentFilter | null | undefined,
  ctx: IncidentContext,
  walk?: number,
): Promise<string[]> {
  const hints: string[] = [];
  // Retracted incidents stay in the table; lists hide them unless asked, or when syncing changes.
  if (!filter?.includeRetracted && !filter?.updatedSince) query.andWhere("i.retractedAt IS NULL");
  if (!filter) return hints;
  checkIncidentFilter(filter);
  const kind = ctx.db.kind;

  // A time span overlaps [from, to] when it ends after `from` and starts before `to`.
  if (filter.from) query.andWhere("i.endsAt >= :fFrom", { fFrom: filter.from.toISOString() });
  if (filter.to) query.andWhere("i.startsAt <= :fTo", { fTo: filter.to.toISOString() });
  if (filter.types?.length) query.andWhere("i.type IN (:...fTypes)", { fTypes: filter.types });
  if (filter.acledEventTypes?.length) query.andWhere("i.acledEventType IN (:...fAcled)", { fAcled: filter.acledEventTypes });
  if (filter.acledSubEventTypes?.length) query.andWhere("i.acledSubEventType IN (:...fAcledSub)", { fAcledSub: filter.acledSubEventTypes });
  if (filter.updatedSince) query.andWhere("i.updatedAt >= :fUpdated", { fUpdated: filter.updatedSince.toISOString() });
  if (filter.includeAggregates === false) query.andWhere("i.isAggregate = :fAggregate", { fAggregate: false });
  const perRow = walk != null && kind === "sqlite";
  const terms = filter.search != null ? searchTerms(checkLength("filter.search", filter.search, MAX_SEARCH_LENGTH)) : undefined;
  if (terms?.length === 0) throw badUserInput("filter.search", "`filter.search` has no words to search for; give at least one word of two letters or more.");
  const walkSearch = perRow && terms != null && walksInOrder(filter) && (await commonWords(ctx, terms, walk));
  if (filter.countryCodes?.length) {
    const places = {
      sql: 'SELECT cp.id FROM place cp WHERE cp."countryCode" IN (:...fCountries)',
      parameters: { fCountries: filter.countryCodes.map((code) => code.toUpperCase()) },
    };
    // Beside a search tested per row, always per row: with a list of places, the planner would start
    // from the places' incidents and test each against the search.
    if (perRow && (walkSearch || (await countUpTo(ctx.db, places.sql, places.parameters, MANY_PLACES)) >= MANY_PLACES)) {
      query.andWhere(`EXISTS (${places.sql} AND cp.id = i.placeId)`, places.parameters);
    } else {
      query.andWhere(`i.placeId IN (${places.sql})`, places.parameters);
    }
  }

  let placeIds: string[] | undefined;
  if (filter.placeIds?.length) placeIds = filter.placeIds;
  if (filter.place != null) {
    const matches = await placesNamed(ctx, checkLength("filter.place", filter.place, MAX_NAME_LENGTH), 5);
    const top = matches[0];
    if (!top) hints.push(`No place matches "${filter.place}"; \`resolvePlace(name:)\` lists close names.`);
    else hints.push(`"${filter.place}" read as ${top.place.name} (${top.place.id}, matched "${top.matchedName}", score ${top.score}).`);
    const named = top ? [top.place.id] : [];
    placeIds = placeIds ? placeIds.filter((id) => named.includes(id)) : named;
  }
  if (placeIds) {
    const within = placeIds.length ? await placesWithin(ctx, placeIds) : [];
    query.andWhere(within.length ? "i.placeId IN (:...fPlaces)" : "1 = 0", { fPlaces: within });
  }

  if (filter.near) {
    const { latitude, longitude, radiusKm } = checkNear(filter.near);
    // Equirectangular distance: exact enough at these radii, and plain arithmetic, so it runs on
    // SQLite (no trigonometric functions) and PostgreSQL alike, after an indexed bounding box.
    const dLat = radiusKm / EARTH_KM_PER_DEGREE;
    const cos = Math.max(Math.cos((latitude * Math.PI) / 180), 0.01);
    const dLon = Math.min(radiusKm / (EARTH_KM_PER_DEGREE * cos), 180);
    query.andWhere(
      `i.placeId IN (SELECT np.id FROM place np WHERE np.latitude BETWEEN :fLatMin AND :fLatMax AND np.longitude BETWEEN :fLonMin AND :fLonMax
         AND ((np.latitude - :fLat) * (np.latitude - :fLat) + (np.longitude - :fLon) * :fCos * (np.longitude - :fLon) * :fCos) <= :fR2)`,
      {
        fLatMin: latitude - dLat,
        fLatMax: latitude + dLat,
        fLonMin: longitude - dLon,
        fLonMax: longitude + dLon,
        fLat: latitude,
        fLon: longitude,
        fCos: cos,
        fR2: dLat * dLat,
      },
    );
  }

  if (filter.actorIds?.length || filter.role || filter.basis) {
    // `IN (SELECT ...)` rather than a correlated EXISTS: the planner can start from the
    // participation index (actorId, role) instead of probing every incident.
    const conditions: string[] = ['fp."retractedAt" IS NULL'];
    if (filter.actorIds?.length) conditions.push('fp."actorId" IN (:...fActors)');
    if (filter.role) conditions.push("fp.role = :fRole");
    if (filter.basis) conditions.push("fp.basis = :fBasis");
    query.andWhere(`i.id IN (SELECT fp."incidentId" FROM participation fp WHERE ${conditions.join(" AND ")})`, {
      fActors: filter.actorIds ?? [],
      fRole: filter.role,
      fBasis: filter.basis,
    });
  }
  if (filter.minCasualties != null) {
    query.andWhere('i.id IN (SELECT cr."incidentId" FROM casualty_report cr WHERE cr.count >= :fCasualties)', { fCasualties: filter.minCasualties });
  }
  if (terms) {
    const { sql, parameters } = walkSearch ? incidentSearch.matchesRow("i", terms) : incidentSearch.matching(kind, "i", terms);
    query.andWhere(sql, parameters);
  }
  return hints;
}
