import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { PAGED, assumedSize } from "../lib/list-size";
import type { StatementContext } from "./loaders";
import { Actor } from "./refs";
import { Source, SourceCitation } from "./source";
import { GraphQLDateTime } from "graphql-scalars";

/** A page of source articles. */
export const SourceConnection = defineConnection(Source, "Source", "source article");

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: "A source article by id; null when there is none." })
  source(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<Source | null> {
    return ctx.loaders.source.load(id);
  }

  @Directive(PAGED)
  @Query(() => SourceConnection, { description: "Source articles, newest first (by publication date, then id)." })
  async sources(
    @Args() page: PageArgsInput,
    @Ctx() ctx: StatementContext,
    @Arg("updatedSince", () => GraphQLDateTime, {
      nullable: true,
      description: "Only sources changed at or after this moment (for incremental sync); retracted ones are included, flagged by `retractedAt`.",
    })
    updatedSince?: Date | null,
    @Arg("includeRetracted", () => Boolean, {
      nullable: true,
      description: "True includes retracted sources (flagged by `retractedAt`). Default: left out, unless `updatedSince` is given.",
    })
    includeRetracted?: boolean | null,
  ): Promise<InstanceType<typeof SourceConnection>> {
    const query = ctx.db.dataSource.getRepository(Source).createQueryBuilder("src");
    if (!includeRetracted && !updatedSince) query.andWhere("src.retractedAt IS NULL");
    if (updatedSince) query.andWhere("src.updatedAt >= :updatedSince", { updatedSince: updatedSince.toISOString() });
    const order = sortBy<Source>("src", "publishedOn", "DESC");
    return SourceConnection.from(await paginate(query, page, order, ctx.limits.maxPageSize));
  }

  @FieldResolver(() => Actor, { nullable: true, description: "The outlet that published it (see `outletStated`)." })
  outlet(@Root() source: Source): Actor | null {
    return source.outletId ? { id: source.outletId } : null;
  }

  // At most 6 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(15))
  @FieldResolver(() => [SourceCitation], { description: "Agencies and outlets the article cites." })
  citations(@Root() source: Source, @Ctx() ctx: StatementContext): Promise<SourceCitation[]> {
    return ctx.loaders.citations.load(source.id);
  }
}

@Resolver(() => SourceCitation)
export class SourceCitationResolver {
  @FieldResolver(() => Actor, { nullable: true, description: "The cited outlet or agency (null only while the actor subgraph is unavailable)." })
  actor(@Root() citation: SourceCitation): Actor {
    return { id: citation.actorId };
  }
}
