import { Arg, Args, Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { badUserInput, checkLength, MAX_NAME_LENGTH } from "../lib/errors";
import { PAGED, SIZED_BY_FIRST, assumedSize, cost } from "../lib/list-size";
import type { IncidentContext } from "./loaders";
import { placesNamed } from "./place-lookup";
import { Place, PlaceAlias } from "./place";
import { Evidence as IncidentEvidence } from "./evidence";
import { GraphQLDateTime } from "graphql-scalars";

@ObjectType({ description: "A place found by name, with the name that matched." })
export class PlaceMatch {
  @Field(() => Place, { description: "The place." })
  place: Place;

  @Field(() => String, { description: "The canonical name or alias that matched, as written." })
  matchedName: string;

  @Field(() => Float, {
    description: "How well it matched, 0.7 to 1 (1: the same name once case, diacritics, apostrophes, hyphens and al-/ash- prefixes are ignored).",
  })
  score: number;
}

/** A page of places. */
export const PlaceConnection = defineConnection(Place, "Place", "place");

@Resolver(() => Place)
export class PlaceResolver {
  @Directive(PAGED)
  @Query(() => PlaceConnection, { description: "Places, by name." })
  async places(
    @Args() page: PageArgsInput,
    @Ctx() ctx: IncidentContext,
    @Arg("updatedSince", () => GraphQLDateTime, {
      nullable: true,
      description: "Only places changed at or after this moment (for incremental sync); retracted ones are included, flagged by `retractedAt`.",
    })
    updatedSince?: Date | null,
    @Arg("includeRetracted", () => Boolean, {
      nullable: true,
      description: "True includes retracted places (flagged by `retractedAt`). Default: left out, unless `updatedSince` is given.",
    })
    includeRetracted?: boolean | null,
  ): Promise<InstanceType<typeof PlaceConnection>> {
    const query = ctx.db.dataSource.getRepository(Place).createQueryBuilder("p");
    if (!includeRetracted && !updatedSince) query.andWhere("p.retractedAt IS NULL");
    if (updatedSince) query.andWhere("p.updatedAt >= :updatedSince", { updatedSince: updatedSince.toISOString() });
    const order = sortBy<Place>("p", "name", "ASC");
    return PlaceConnection.from(await paginate(query, page, order, ctx.limits.maxPageSize));
  }

  @Query(() => Place, { nullable: true, description: "A place by id; null when there is none." })
  place(@Arg("id", () => ID) id: string, @Ctx() ctx: IncidentContext): Promise<Place | null> {
    return ctx.loaders.place.load(id);
  }

  @Directive(SIZED_BY_FIRST)
  // A fuzzy match over every name: about a page's work.
  @Directive(cost(10))
  @Query(() => [PlaceMatch], {
    description:
      'Finds places by any of their names, best match first: case, diacritics, apostrophes, hyphens and al-/ash- prefixes are ignored and small misspellings tolerated ("al-Asaf airbase" and "Ain al-Assad" find the same base).',
  })
  async resolvePlace(
    @Arg("name", () => String, { description: "A name or alias, as written anywhere." }) name: string,
    @Ctx() ctx: IncidentContext,
    @Arg("first", () => Int, { defaultValue: 5, description: "How many matches at most (1 to 50)." }) first: number,
  ): Promise<PlaceMatch[]> {
    if (first < 1 || first > 50) throw badUserInput("first", `\`first\` must be between 1 and 50 (got ${first}).`);
    return placesNamed(ctx, checkLength("name", name, MAX_NAME_LENGTH), first);
  }

  // At most 3 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [PlaceAlias], { description: "Other names of this place, as the articles spell it." })
  aliases(@Root() place: Place, @Ctx() ctx: IncidentContext): Promise<PlaceAlias[]> {
    return ctx.loaders.placeAliases.load(place.id);
  }

  @FieldResolver(() => IncidentEvidence, {
    nullable: true,
    description: "The sentence that names the place; null for a place from the gazetteer no article places.",
  })
  evidence(@Root() place: Place): Place["evidence"] | null {
    return place.evidence?.sourceId ? place.evidence : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: "The larger place this one is in." })
  parent(@Root() place: Place, @Ctx() ctx: IncidentContext): Promise<Place | null> | null {
    return place.parentId ? ctx.loaders.place.load(place.parentId) : null;
  }
}
