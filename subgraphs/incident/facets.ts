import { Arg, Ctx, Directive, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { assumedSize, cost } from "../lib/list-size";
import type { SelectQueryBuilder } from "typeorm";
import { IncidentFacetCount } from "./facet-count";
import { applyIncidentFilter, checkIncidentFilter, IncidentFilter } from "./filter";
import { Incident } from "./incident";
import type { IncidentContext } from "./loaders";
import { Actor } from "./refs";

@ObjectType({ description: "A value and how many incidents have it." })
export class FacetBucket {
  @Field(() => String, { description: "The value: a day (2023-12-08), a week's Monday, a type, a country code." })
  key: string;

  @Field(() => Int, { description: "How many incidents." })
  count: number;
}

@ObjectType({ description: "An actor named as perpetrator, and in how many incidents." })
export class ActorBucket {
  @Field(() => Actor, { nullable: true, description: "The actor (null only while the actor subgraph is unavailable)." })
  actor: Actor;

  @Field(() => Int, { description: "How many incidents name it as perpetrator (on any basis)." })
  count: number;
}

type Row = { key: string | null; count: string | number };

/** Filter fields the maintained counts can answer: conditions on the columns of a cell. */
const COUNTED_FIELDS = new Set(["from", "to", "types", "acledEventTypes", "acledSubEventTypes", "includeAggregates", "countryCodes"]);

/** True when the standing incidents this filter selects are a union of cells of `incident_facet_count`. */
function countedByCells(filter: IncidentFilter | null | undefined): boolean {
  // `includeRetracted` or `updatedSince` bring in retracted incidents, which the cells do not count.
  return Object.entries(filter ?? {}).every(
    ([field, value]) => value == null || COUNTED_FIELDS.has(field) || (field === "includeRetracted" && value === false),
  );
}
const buckets = (rows: Row[]): FacetBucket[] => rows.map((row) => ({ key: row.key ?? "unknown", count: Number(row.count) }));

@ObjectType({ description: "Counts of the incidents matching a filter, for dashboards. Each facet is one grouped query, run only when asked for." })
export class IncidentFacets {
  constructor(
    private readonly ctx: IncidentContext,
    private readonly filter: IncidentFilter | null | undefined,
  ) {}

  private async base(): Promise<SelectQueryBuilder<Incident>> {
    const query = this.ctx.db.dataSource.getRepository(Incident).createQueryBuilder("i");
    await applyIncidentFilter(query, this.filter, this.ctx);
    return query;
  }

  /**
   * The cells of the maintained counts that the filter selects, aliased `i` like the incidents (so a
   * grouping expression serves both), or undefined when the filter needs the incidents themselves.
   * The conditions are `applyIncidentFilter`'s, on the cell's copy of the columns.
   */
  private cells(): SelectQueryBuilder<IncidentFacetCount> | undefined {
    const filter = this.filter;
    if (!countedByCells(filter)) return undefined;
    checkIncidentFilter(filter);
    const query = this.ctx.db.dataSource.getRepository(IncidentFacetCount).createQueryBuilder("i");
    if (filter?.from) query.andWhere("i.endsAt >= :fFrom", { fFrom: filter.from.toISOString() });
    if (filter?.to) query.andWhere("i.startsAt <= :fTo", { fTo: filter.to.toISOString() });
    if (filter?.types?.length) query.andWhere("i.type IN (:...fTypes)", { fTypes: filter.types });
    if (filter?.acledEventTypes?.length) query.andWhere("i.acledEventType IN (:...fAcled)", { fAcled: filter.acledEventTypes });
    if (filter?.acledSubEventTypes?.length) query.andWhere("i.acledSubEventType IN (:...fAcledSub)", { fAcledSub: filter.acledSubEventTypes });
    if (filter?.includeAggregates === false) query.andWhere("i.isAggregate = :fAggregate", { fAggregate: false });
    // "" stands for no country, which no code names.
    if (filter?.countryCodes?.length)
      query.andWhere("i.countryCode IN (:...fCountries)", { fCountries: filter.countryCodes.map((code) => code.toUpperCase() || "-") });
    return query;
  }

  private async grouped(expression: string): Promise<FacetBucket[]> {
    const cells = this.cells();
    if (cells) {
      const rows = await cells
        .select(expression, "key")
        .addSelect("SUM(i.count)", "count")
        .groupBy(expression)
        .having("SUM(i.count) > 0")
        .orderBy(expression, "ASC")
        .getRawMany<Row>();
      return buckets(rows);
    }
    const query = await this.base();
    return buckets(await query.select(expression, "key").addSelect("COUNT(*)", "count").groupBy(expression).orderBy(expression, "ASC").getRawMany<Row>());
  }

  @Field(() => Int, { description: "How many incidents match." })
  async total(): Promise<number> {
    const cells = this.cells();
    if (cells) return Number((await cells.select("COALESCE(SUM(i.count), 0)", "n").getRawOne<{ n: string | number }>())?.n ?? 0);
    return (await this.base()).getCount();
  }

  // Grows with the data: a year of days (6 in the bundled dataset; 3,403 in 10,000 generated incidents over ten years).
  @Directive(assumedSize(366))
  @Field(() => [FacetBucket], { description: "By the UTC day their time span starts." })
  byDay(): Promise<FacetBucket[]> {
    return this.grouped("substr(i.startsAt, 1, 10)");
  }

  // Grows with the data: a year of weeks (5 in the bundled dataset; 522 in generated data over ten years).
  @Directive(assumedSize(53))
  @Field(() => [FacetBucket], { description: "By the week (Monday to Sunday, keyed by its Monday) their time span starts." })
  byWeek(): Promise<FacetBucket[]> {
    return this.grouped(
      this.ctx.db.kind === "sqlite"
        ? "date(substr(i.startsAt, 1, 10), 'weekday 0', '-6 days')"
        : "to_char(date_trunc('week', CAST(substr(i.startsAt, 1, 10) AS date)), 'YYYY-MM-DD')",
    );
  }

  // Exact: the 12 values of IncidentType (9 in the bundled dataset).
  @Directive(assumedSize(12))
  @Field(() => [FacetBucket], { description: "By incident type." })
  byType(): Promise<FacetBucket[]> {
    return this.grouped("i.type");
  }

  // At most 4 in the bundled dataset, 2 in generated data.
  @Directive(assumedSize(10))
  @Field(() => [FacetBucket], { description: 'By the country code of their place ("unknown" without one).' })
  async byCountry(): Promise<FacetBucket[]> {
    // A cell holds "" for no country: NULLIF gives the key and the order of the incidents' own grouping.
    if (this.cells()) return this.grouped(`NULLIF(i."countryCode", '')`);
    const query = await this.base();
    const rows = await query
      .leftJoin("place", "fc", 'fc.id = i."placeId"')
      .select('fc."countryCode"', "key")
      .addSelect("COUNT(*)", "count")
      .groupBy('fc."countryCode"')
      .orderBy('fc."countryCode"', "ASC")
      .getRawMany<Row>();
    return buckets(rows);
  }

  // Grows with the data: 11 in the bundled dataset (generated data makes every 10th actor a perpetrator: 1,000).
  @Directive(assumedSize(50))
  @Field(() => [ActorBucket], { description: "By perpetrator (an incident with two perpetrators counts for both), most incidents first." })
  async byPerpetrator(): Promise<ActorBucket[]> {
    const query = await this.base();
    const rows = await query
      .innerJoin("participation", "fpp", 'fpp."incidentId" = i.id AND fpp.role = :perpetrator AND fpp."retractedAt" IS NULL', { perpetrator: "PERPETRATOR" })
      .select('fpp."actorId"', "key")
      .addSelect("COUNT(DISTINCT i.id)", "count")
      .groupBy('fpp."actorId"')
      .orderBy("count", "DESC")
      .addOrderBy('fpp."actorId"', "ASC")
      .getRawMany<Row>();
    return rows.map((row) => ({ actor: { id: String(row.key) }, count: Number(row.count) }));
  }
}

@Resolver()
export class FacetResolver {
  // Five grouped counts over every matching incident.
  @Directive(cost(10))
  @Query(() => IncidentFacets, { description: "Counts of the incidents matching a filter, by day, week, type, country and perpetrator." })
  incidentFacets(
    @Ctx() ctx: IncidentContext,
    @Arg("filter", () => IncidentFilter, { nullable: true, description: "Which incidents to count; all when left out." }) filter?: IncidentFilter | null,
  ): IncidentFacets {
    return new IncidentFacets(ctx, filter);
  }
}
