import { queryNamed } from "../lib/data-source";
import { lookupName } from "../lib/name-match";
import type { IncidentContext } from "./loaders";
import type { Place } from "./place";

/** A place found by name. */
export interface PlaceMatchRow {
  place: Place;
  matchedName: string;
  score: number;
}

/** Where places keep their names. */
export const PLACE_NAMES = { table: "place", aliasTable: "place_alias", keyTable: "place_name_key", owner: "placeId" };

/**
 * Places whose name or alias matches `name`, best first: exact after folding (case, diacritics,
 * apostrophes, hyphens, al-/ash- prefixes) scores 1; close misspellings score less.
 */
export async function placesNamed(ctx: IncidentContext, name: string, limit: number): Promise<PlaceMatchRow[]> {
  const ranked = await lookupName(ctx.db, PLACE_NAMES, name, limit);
  const places = await ctx.loaders.place.loadMany(ranked.map((match) => match.id));
  return ranked.flatMap((match, index) => {
    const place = places[index];
    return place && !(place instanceof Error) ? [{ place, matchedName: match.name, score: match.score }] : [];
  });
}

/** The places and every place inside them (a province's towns and bases), through `parentId`. */
export async function placesWithin(ctx: IncidentContext, ids: string[]): Promise<string[]> {
  const rows = await queryNamed<{ id: string }>(
    ctx.db,
    `WITH RECURSIVE inside(id) AS (SELECT id FROM place WHERE id IN (:...ids) UNION SELECT p.id FROM place p JOIN inside ON p."parentId" = inside.id) SELECT id FROM inside`,
    { ids },
  );
  return rows.map((row) => row.id);
}
