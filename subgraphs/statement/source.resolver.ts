import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { StatementContext } from "./loaders";
import { Actor } from "./refs";
import { Source, SourceCitation } from "./source";

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "A source article by id; null when there is none." })
  source(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<Source | null> {
    return ctx.loaders.source.load(id);
  }

  @Query(() => [Source], { description: "All source articles, newest first." })
  sources(@Ctx() ctx: StatementContext): Promise<Source[]> {
    return ctx.db.dataSource.getRepository(Source).find({ order: { publishedOn: "DESC", id: "ASC" } });
  }

  @FieldResolver(() => Actor, { nullable: true, description: "The outlet that published it (see `outletStated`)." })
  outlet(@Root() source: Source): Actor | null {
    return source.outletId ? { id: source.outletId } : null;
  }

  @FieldResolver(() => [SourceCitation], { description: "Agencies and outlets the article cites." })
  citations(@Root() source: Source, @Ctx() ctx: StatementContext): Promise<SourceCitation[]> {
    return ctx.loaders.citations.load(source.id);
  }
}

@Resolver(() => SourceCitation)
export class SourceCitationResolver {
  @FieldResolver(() => Actor, { description: "The cited outlet or agency." })
  actor(@Root() citation: SourceCitation): Actor {
    return { id: citation.actorId };
  }
}
