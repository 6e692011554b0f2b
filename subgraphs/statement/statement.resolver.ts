import { memoize } from "../lib/subgraph-module";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { defineConnection, nestedPage, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { defineSearchConnection, searchPage } from "../lib/search-connection";
import { applyStatementFilter, StatementFilter } from "./filter";
import { statementSearch } from "./search";
import { SOURCE_FIELD_DESCRIPTION } from "../lib/evidence";
import { PAGED, assumedSize, cost } from "../lib/list-size";
import { StatementRole } from "./enums";
import { Evidence } from "./evidence";
import { ReportedFigure } from "./figure";
import { standing } from "../lib/retractable";
import { loadStatements, type StatementContext } from "./loaders";
import { Actor, Incident } from "./refs";
import { Source } from "./source";
import { Appearance, Quote, Stance, Statement } from "./statement";

/** A page of statements. */
export const StatementConnection = defineConnection(Statement, "Statement", "statement");
/** A page of statement search hits. */
export const StatementSearchConnection = defineSearchConnection(Statement, "StatementSearch", "statement");
/** The order of statement lists: newest first. */
const STATEMENT_ORDER = sortBy<Statement>("s", "saidOn", "DESC");

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: "A statement by id; null when there is none." })
  statement(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<Statement | null> {
    return ctx.loaders.statement.load(id);
  }

  @Directive(PAGED)
  @Query(() => StatementConnection, { description: "Statements matching a filter, newest first (by the date said, then id)." })
  async statements(
    @Args() page: PageArgsInput,
    @Ctx() ctx: StatementContext,
    @Arg("filter", () => StatementFilter, { nullable: true, description: "Which statements; all when left out." }) filter?: StatementFilter | null,
  ): Promise<InstanceType<typeof StatementConnection>> {
    const query = ctx.db.dataSource.getRepository(Statement).createQueryBuilder("s");
    applyStatementFilter(query, filter, ctx);
    return StatementConnection.from(await paginate(query, page, STATEMENT_ORDER, ctx.limits.maxPageSize));
  }

  @Directive(PAGED)
  // A full-text search: about a page's work before any row is read.
  @Directive(cost(10))
  @Query(() => StatementSearchConnection, {
    description: "Full-text search over statement text, quotes and the sentences they appear in, best match first, with the matching passage.",
  })
  searchStatements(
    @Arg("query", () => String, { description: "Words to find (all must match; case, diacritics and word endings are ignored)." }) text: string,
    @Args() page: PageArgsInput,
    @Ctx() ctx: StatementContext,
  ): Promise<InstanceType<typeof StatementSearchConnection>> {
    return searchPage(statementSearch, StatementSearchConnection, ctx, text, page, (ids) => ctx.loaders.statement.loadMany(ids));
  }

  @FieldResolver(() => Actor, { nullable: true, description: "Who said it (null only while the actor subgraph is unavailable)." })
  speaker(@Root() statement: Statement): Actor {
    return { id: statement.speakerId };
  }

  @FieldResolver(() => Actor, { nullable: true, description: "The body the speaker spoke for (a spokesperson's department)." })
  onBehalfOf(@Root() statement: Statement): Actor | null {
    return statement.onBehalfOfId ? { id: statement.onBehalfOfId } : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The outlet it was reported through, when the article cites one ("Al Arabiya reported...").' })
  via(@Root() statement: Statement): Actor | null {
    return statement.viaId ? { id: statement.viaId } : null;
  }

  // At most 5 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Quote], { description: "Its words quoted verbatim." })
  quotes(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Quote[]> {
    return ctx.loaders.quotes.load(statement.id);
  }

  // At most 5 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Stance], { description: "What it does: condemns, claims, pledges..." })
  stances(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Stance[]> {
    return ctx.loaders.stances.load(statement.id);
  }

  // At most 3 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Incident], {
    nullable: "items",
    description: "The incidents it is about (an item is null only while the incident subgraph is unavailable).",
  })
  async aboutIncidents(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Incident[]> {
    return (await ctx.loaders.incidentsOfStatement.load(statement.id)).map((row) => ({ id: row.incidentId }));
  }

  // At most 5 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Actor], { nullable: "items", description: "The actors it is about (an item is null only while the actor subgraph is unavailable)." })
  async aboutActors(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Actor[]> {
    return (await ctx.loaders.actorsOfStatement.load(statement.id)).map((row) => ({ id: row.actorId }));
  }

  // At most 6 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(15))
  @FieldResolver(() => [Appearance], { description: "Every article it appears in, with the sentence." })
  appearances(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Appearance[]> {
    return ctx.loaders.appearances.load(statement.id);
  }

  // At most 3 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [ReportedFigure], { description: "Figures it reports." })
  async figures(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<ReportedFigure[]> {
    return standing(await ctx.loaders.figuresOfStatement.load(statement.id));
  }
}

@Resolver(() => Stance)
export class StanceResolver {
  @FieldResolver(() => Incident, { nullable: true, description: "The incident it is about, if any." })
  incident(@Root() stance: Stance): Incident | null {
    return stance.incidentId ? { id: stance.incidentId } : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: "The actor it is about, if any (whom it accuses, criticizes, threatens)." })
  actor(@Root() stance: Stance): Actor | null {
    return stance.actorId ? { id: stance.actorId } : null;
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => Source, { nullable: true, description: SOURCE_FIELD_DESCRIPTION })
  source(@Root() evidence: Evidence, @Ctx() ctx: StatementContext): Promise<Source | null> {
    return ctx.loaders.source.load(evidence.sourceId);
  }
}

@Resolver(() => Incident)
export class IncidentStatementsResolver {
  // At most 14 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(30))
  @FieldResolver(() => [Statement], {
    nullable: true,
    description: "Statements about this incident, oldest first. Null while the statement subgraph is unavailable.",
  })
  async statements(@Root() incident: Incident, @Ctx() ctx: StatementContext): Promise<Statement[]> {
    const links = await ctx.loaders.statementsOfIncident.load(incident.id);
    return loadStatements(
      ctx,
      links.map((row) => row.statementId),
    );
  }

  // At most 9 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(20))
  @FieldResolver(() => [ReportedFigure], {
    nullable: true,
    description: "Figures reported about this incident (or campaign), by as-of date. Null while the statement subgraph is unavailable.",
  })
  async figures(@Root() incident: Incident, @Ctx() ctx: StatementContext): Promise<ReportedFigure[]> {
    return standing(await ctx.loaders.figuresOfIncident.load(incident.id));
  }
}

@Resolver(() => Actor)
export class ActorStatementsResolver {
  @Directive(PAGED)
  @FieldResolver(() => StatementConnection, {
    nullable: true,
    description:
      "Statements this actor made (SPEAKER), that were made on its behalf (ON_BEHALF_OF: every statement for the State Department, whoever said it), or that are about it (ABOUT); all three when `as` is left out. Newest first; pages forward (`first`/`after`). Null while the statement subgraph is unavailable.",
  })
  async statements(
    @Root() actor: Actor,
    @Ctx() ctx: StatementContext,
    @Args() page: PageArgsInput,
    @Arg("as", () => StatementRole, { nullable: true, description: "The actor's part in the statement." }) as?: StatementRole | null,
    @Arg("filter", () => StatementFilter, { nullable: true, description: "Further conditions on the statements." }) filter?: StatementFilter | null,
  ): Promise<InstanceType<typeof StatementConnection>> {
    const connection = await nestedPage({
      context: ctx,
      key: `actorStatements:${JSON.stringify({ page, as, filter })}`,
      parentId: actor.id,
      args: page,
      order: STATEMENT_ORDER,
      groupColumn: 'sr."actorId"',
      maxPageSize: ctx.limits.maxPageSize,
      query: async (actorIds) => {
        const query = roleQuery(ctx, actorIds, as);
        applyStatementFilter(query, filter, ctx);
        return query;
      },
      load: (ids) => ctx.loaders.statement.loadMany(ids),
    });
    return StatementConnection.from(connection);
  }

  @Directive(PAGED)
  @Directive('@requires(fields: "componentIds")')
  @FieldResolver(() => StatementConnection, {
    nullable: true,
    description:
      "Like `statements`, for this actor and every body that is part of it (`componentIds`: COMPONENT_OF, followed down): on the Iraqi government, the statements of the Prime Minister's office too. A statement appears once however many parts it involves. Null while the statement or actor subgraph is unavailable.",
  })
  async statementsWithParts(
    @Root() actor: Actor,
    @Ctx() ctx: StatementContext,
    @Args() page: PageArgsInput,
    @Arg("as", () => StatementRole, { nullable: true, description: "The part the actor or one of its parts plays in the statement." })
    as?: StatementRole | null,
    @Arg("filter", () => StatementFilter, { nullable: true, description: "Further conditions on the statements." }) filter?: StatementFilter | null,
  ): Promise<InstanceType<typeof StatementConnection>> {
    const partsOf = memoize(ctx, "partsOf", () => new Map<string, string[]>());
    partsOf.set(actor.id, [actor.id, ...(actor.componentIds ?? [])]);
    const connection = await nestedPage({
      context: ctx,
      key: `actorStatementsWithParts:${JSON.stringify({ page, as, filter })}`,
      parentId: actor.id,
      args: page,
      order: STATEMENT_ORDER,
      groupColumn: 'sr."actorId"',
      maxPageSize: ctx.limits.maxPageSize,
      query: async (actorIds) => {
        const query = roleQuery(
          ctx,
          actorIds.map((id) => ({ whole: id, parts: partsOf.get(id) ?? [id] })),
          as,
        );
        applyStatementFilter(query, filter, ctx);
        return query;
      },
      load: (ids) => ctx.loaders.statement.loadMany(ids),
    });
    return StatementConnection.from(connection);
  }
}

/**
 * Statements joined to the actors that play `as` in them (all parts when `as` is not given), one row
 * per statement and actor (`sr."actorId"`). Given wholes with their parts, a part's statements count
 * for its whole, each statement once per whole.
 */
function roleQuery(ctx: StatementContext, actors: readonly string[] | readonly { whole: string; parts: string[] }[], as?: StatementRole | null) {
  const parts: string[] = [];
  if (!as || as === StatementRole.SPEAKER)
    parts.push('SELECT id AS "statementId", "speakerId" AS "actorId" FROM statement WHERE "speakerId" IN (:...roleActors)');
  if (!as || as === StatementRole.ON_BEHALF_OF)
    parts.push('SELECT id AS "statementId", "onBehalfOfId" AS "actorId" FROM statement WHERE "onBehalfOfId" IN (:...roleActors)');
  if (!as || as === StatementRole.ABOUT) parts.push('SELECT "statementId", "actorId" FROM statement_actor WHERE "actorId" IN (:...roleActors)');
  const query = ctx.db.dataSource.getRepository(Statement).createQueryBuilder("s");
  if (actors.every((actor) => typeof actor === "string")) {
    return query.innerJoin(`(${parts.join(" UNION ")})`, "sr", 'sr."statementId" = s.id').setParameters({ roleActors: [...actors] });
  }
  const pairs = (actors as readonly { whole: string; parts: string[] }[]).flatMap(({ whole, parts: ids }) => ids.map((part) => [whole, part]));
  const mapping = pairs.map((_, i) => `SELECT CAST(:whole${i} AS varchar(64)) AS "wholeId", CAST(:part${i} AS varchar(64)) AS "partId"`).join(" UNION ALL ");
  const parameters: Record<string, unknown> = { roleActors: [...new Set(pairs.map(([, part]) => part))] };
  pairs.forEach(([whole, part], i) => Object.assign(parameters, { [`whole${i}`]: whole, [`part${i}`]: part }));
  return query
    .innerJoin(
      `(SELECT DISTINCT m."wholeId" AS "actorId", r."statementId" FROM (${parts.join(" UNION ")}) r JOIN (${mapping}) m ON m."partId" = r."actorId")`,
      "sr",
      'sr."statementId" = s.id',
    )
    .setParameters(parameters);
}
