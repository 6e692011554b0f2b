import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { IncidentContext } from "./loaders";
import { Place, PlaceAlias } from "./place";

@Resolver(() => Place)
export class PlaceResolver {
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
