import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { FigureMetric } from "./enums";
import { ReportedFigure } from "./figure";
import type { StatementContext } from "./loaders";
import { Actor, Incident } from "./refs";
import { Statement } from "./statement";

@Resolver(() => ReportedFigure)
export class FigureResolver {
  @Query(() => ReportedFigure, { nullable: true, description: "A reported figure by id; null when there is none." })
  figure(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<ReportedFigure | null> {
    return ctx.loaders.figure.load(id);
  }

  @Query(() => [ReportedFigure], { description: "Reported figures, oldest as-of date first, optionally for one metric." })
  figures(
    @Ctx() ctx: StatementContext,
    @Arg("metric", () => FigureMetric, { nullable: true, description: "Only this metric." }) metric?: FigureMetric | null,
  ): Promise<ReportedFigure[]> {
    return ctx.db.dataSource.getRepository(ReportedFigure).find({ where: metric ? { metric } : {}, order: { asOf: "ASC", id: "ASC" } });
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
