import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { FigureMetric } from "./enums";
import { ReportedFigure } from "./figure";
import type { StatementContext } from "./loaders";
import { Actor, Incident } from "./refs";
import { Statement } from "./statement";

/** A page of reported figures. */
export const ReportedFigureConnection = defineConnection(ReportedFigure, "ReportedFigure", "reported figure");

@Resolver(() => ReportedFigure)
export class FigureResolver {
  @Query(() => ReportedFigure, { nullable: true, description: "A reported figure by id; null when there is none." })
  figure(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<ReportedFigure | null> {
    return ctx.loaders.figure.load(id);
  }

  @Query(() => ReportedFigureConnection, { description: "Reported figures, newest as-of date first, optionally for one metric." })
  async figures(
    @Args() page: PageArgsInput,
    @Ctx() ctx: StatementContext,
    @Arg("metric", () => FigureMetric, { nullable: true, description: "Only this metric." }) metric?: FigureMetric | null,
  ): Promise<InstanceType<typeof ReportedFigureConnection>> {
    const query = ctx.db.dataSource.getRepository(ReportedFigure).createQueryBuilder("f");
    if (metric) query.where("f.metric = :metric", { metric });
    const order = sortBy<ReportedFigure>("f", "asOf", "DESC");
    return ReportedFigureConnection.from(await paginate(query, page, order, ctx.limits.maxPageSize));
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who reported it; null when the article states it in its own voice." })
  reportedBy(@Root() figure: ReportedFigure): Actor | null {
    return figure.reportedById ? { id: figure.reportedById } : null;
  }

  @FieldResolver(() => Statement, { nullable: true, description: "The statement that reported it, if any." })
  statement(@Root() figure: ReportedFigure, @Ctx() ctx: StatementContext): Promise<Statement | null> | null {
    return figure.statementId ? ctx.loaders.statement.load(figure.statementId) : null;
  }

  @FieldResolver(() => Incident, { nullable: true, description: "The incident or campaign it counts, if any." })
  incident(@Root() figure: ReportedFigure): Incident | null {
    return figure.incidentId ? { id: figure.incidentId } : null;
  }
}
