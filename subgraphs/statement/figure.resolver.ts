import { GraphQLDate } from "graphql-scalars";
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { PAGED, assumedSize, cost } from "../lib/list-size";
import { FigureMetric, FigureRank } from "./enums";
import { applyFigureFilter, FigureFilter } from "./filter";
import { ReportedFigure } from "./figure";
import type { StatementContext } from "./loaders";
import { Actor, Incident } from "./refs";
import { Statement } from "./statement";

/** The most figures one series returns. */
const SERIES_LIMIT = 10_000;

@ObjectType({ description: "The figures of one metric reported for one as-of date." })
export class FigurePoint {
  @Field(() => GraphQLDate, { description: "The date the figures are valid on." })
  asOf: string;

  // At most 2 in the bundled dataset, 10 in generated data.
  @Directive(assumedSize(10))
  @Field(() => [ReportedFigure], { description: "Every figure reported for this date; more than one when sources disagree." })
  figures: ReportedFigure[];
}

@ObjectType({ description: "A metric over time." })
export class FigureSeries {
  @Field(() => FigureMetric, { description: "What is counted." })
  metric: FigureMetric;

  // Grows with the data: a year of daily figures (5 in the bundled dataset; 3,403 in generated data over ten years).
  @Directive(assumedSize(366))
  @Field(() => [FigurePoint], { description: "The figures by as-of date, oldest first." })
  points: FigurePoint[];

  @Field(() => ReportedFigure, {
    nullable: true,
    description: "The most recent PREFERRED figure (or, without one, the most recent NORMAL figure with a value).",
  })
  latestPreferred: ReportedFigure | null;
}

/** A page of reported figures. */
export const ReportedFigureConnection = defineConnection(ReportedFigure, "ReportedFigure", "reported figure");

@Resolver(() => ReportedFigure)
export class FigureResolver {
  @Query(() => ReportedFigure, { nullable: true, description: "A reported figure by id; null when there is none." })
  figure(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<ReportedFigure | null> {
    return ctx.loaders.figure.load(id);
  }

  @Directive(PAGED)
  @Query(() => ReportedFigureConnection, { description: "Reported figures matching a filter, newest as-of date first." })
  async figures(
    @Args() page: PageArgsInput,
    @Ctx() ctx: StatementContext,
    @Arg("filter", () => FigureFilter, { nullable: true, description: "Which figures; all when left out." }) filter?: FigureFilter | null,
  ): Promise<InstanceType<typeof ReportedFigureConnection>> {
    const query = ctx.db.dataSource.getRepository(ReportedFigure).createQueryBuilder("f");
    applyFigureFilter(query, filter);
    return ReportedFigureConnection.from(await paginate(query, page, sortBy<ReportedFigure>("f", "asOf", "DESC"), ctx.limits.maxPageSize));
  }

  // Reads every figure of a metric.
  @Directive(cost(10))
  @Query(() => FigureSeries, {
    description:
      "One metric over time: every reported value, oldest as-of date first, grouped by date (figures that disagree on the same date all appear, each with its reporter and source), and the latest preferred value.",
  })
  async figureSeries(
    @Arg("metric", () => FigureMetric, { description: "What is counted." }) metric: FigureMetric,
    @Ctx() ctx: StatementContext,
    @Arg("filter", () => FigureFilter, { nullable: true, description: "Further conditions (reporter, as-of range, deprecated figures); `metrics` is ignored." })
    filter?: FigureFilter | null,
    @Arg("periodStart", () => GraphQLDate, {
      nullable: true,
      description: 'Only figures counted from this day ("since October 17"), so that a series compares like with like.',
    })
    periodStart?: string | Date | null,
  ): Promise<FigureSeries> {
    const query = ctx.db.dataSource.getRepository(ReportedFigure).createQueryBuilder("f").where("f.metric = :seriesMetric", { seriesMetric: metric });
    applyFigureFilter(query, { ...filter, metrics: null });
    if (periodStart)
      query.andWhere("f.periodStart = :seriesStart", {
        seriesStart: typeof periodStart === "string" ? periodStart.slice(0, 10) : periodStart.toISOString().slice(0, 10),
      });
    // A series is bounded by the number of reports of one metric, far smaller than any page limit.
    const figures = await query.orderBy("f.asOf", "ASC").addOrderBy("f.id", "ASC").limit(SERIES_LIMIT).getMany();
    const points = new Map<string, ReportedFigure[]>();
    for (const figure of figures) points.set(figure.asOf, [...(points.get(figure.asOf) ?? []), figure]);
    const ranked = (rank: FigureRank) => [...figures].reverse().find((figure) => figure.rank === rank && figure.value != null) ?? null;
    return {
      metric,
      points: [...points.entries()].map(([asOf, list]) => ({ asOf, figures: list })),
      latestPreferred: ranked(FigureRank.PREFERRED) ?? ranked(FigureRank.NORMAL),
    };
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
