import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import type { IncidentContext } from "./loaders";
import { Place, PlaceAlias } from "./place";

/** A page of places. */
export const PlaceConnection = defineConnection(Place, "Place", "place");

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => PlaceConnection, { description: "Places, by name." })
  async places(@Args() page: PageArgsInput, @Ctx() ctx: IncidentContext): Promise<InstanceType<typeof PlaceConnection>> {
    const query = ctx.db.dataSource.getRepository(Place).createQueryBuilder("p");
    const order = sortBy<Place>("p", "name", "ASC");
    return PlaceConnection.from(await paginate(query, page, order, ctx.limits.maxPageSize));
  }

  @Query(() => Place, { nullable: true, description: "A place by id; null when there is none." })
  place(@Arg("id", () => ID) id: string, @Ctx() ctx: IncidentContext): Promise<Place | null> {
    return ctx.loaders.place.load(id);
  }

  @FieldResolver(() => [PlaceAlias], { description: "Other names of this place, as the articles spell it." })
  aliases(@Root() place: Place, @Ctx() ctx: IncidentContext): Promise<PlaceAlias[]> {
    return ctx.loaders.placeAliases.load(place.id);
  }

  @FieldResolver(() => Place, { nullable: true, description: "The larger place this one is in." })
  parent(@Root() place: Place, @Ctx() ctx: IncidentContext): Promise<Place | null> | null {
    return place.parentId ? ctx.loaders.place.load(place.parentId) : null;
  }
}
