import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { SOURCE_FIELD_DESCRIPTION } from "../lib/evidence";
import { StanceKind, StatementRole } from "./enums";
import { Evidence } from "./evidence";
import { ReportedFigure } from "./figure";
import { loadStatements, type StatementContext } from "./loaders";
import { Actor, Incident } from "./refs";
import { Source } from "./source";
import { Appearance, Quote, Stance, Statement } from "./statement";

/** A page of statements. */
export const StatementConnection = defineConnection(Statement, "Statement", "statement");

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => Statement, { nullable: true, description: "A statement by id; null when there is none." })
  statement(@Arg("id", () => ID) id: string, @Ctx() ctx: StatementContext): Promise<Statement | null> {
    return ctx.loaders.statement.load(id);
  }

  @Query(() => StatementConnection, { description: "Statements, newest first (by the date said, then id), optionally only those taking one stance." })
  async statements(
    @Args() page: PageArgsInput,
    @Ctx() ctx: StatementContext,
    @Arg("stance", () => StanceKind, { nullable: true, description: "Only statements that take this stance." }) stance?: StanceKind | null,
  ): Promise<InstanceType<typeof StatementConnection>> {
    const query = ctx.db.dataSource.getRepository(Statement).createQueryBuilder("s");
    if (stance) query.where("s.id IN (SELECT st.statementId FROM statement_stance st WHERE st.kind = :stance)", { stance });
    const order = sortBy<Statement>("s", "saidOn", "DESC");
    return StatementConnection.from(await paginate(query, page, order, ctx.limits.maxPageSize));
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

  @FieldResolver(() => [Quote], { description: "Its words quoted verbatim." })
  quotes(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Quote[]> {
    return ctx.loaders.quotes.load(statement.id);
  }

  @FieldResolver(() => [Stance], { description: "What it does: condemns, claims, pledges..." })
  stances(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Stance[]> {
    return ctx.loaders.stances.load(statement.id);
  }

  @FieldResolver(() => [Incident], {
    nullable: "items",
    description: "The incidents it is about (an item is null only while the incident subgraph is unavailable).",
  })
  async aboutIncidents(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Incident[]> {
    return (await ctx.loaders.incidentsOfStatement.load(statement.id)).map((row) => ({ id: row.incidentId }));
  }

  @FieldResolver(() => [Actor], { nullable: "items", description: "The actors it is about (an item is null only while the actor subgraph is unavailable)." })
  async aboutActors(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Actor[]> {
    return (await ctx.loaders.actorsOfStatement.load(statement.id)).map((row) => ({ id: row.actorId }));
  }

  @FieldResolver(() => [Appearance], { description: "Every article it appears in, with the sentence." })
  appearances(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<Appearance[]> {
    return ctx.loaders.appearances.load(statement.id);
  }

  @FieldResolver(() => [ReportedFigure], { description: "Figures it reports." })
  figures(@Root() statement: Statement, @Ctx() ctx: StatementContext): Promise<ReportedFigure[]> {
    return ctx.loaders.figuresOfStatement.load(statement.id);
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
  @FieldResolver(() => [Statement], { description: "Statements about this incident, oldest first." })
  async statements(@Root() incident: Incident, @Ctx() ctx: StatementContext): Promise<Statement[]> {
    const links = await ctx.loaders.statementsOfIncident.load(incident.id);
    return loadStatements(
      ctx,
      links.map((row) => row.statementId),
    );
  }

  @FieldResolver(() => [ReportedFigure], { description: "Figures reported about this incident (or campaign), by as-of date." })
  figures(@Root() incident: Incident, @Ctx() ctx: StatementContext): Promise<ReportedFigure[]> {
    return ctx.loaders.figuresOfIncident.load(incident.id);
  }
}

@Resolver(() => Actor)
export class ActorStatementsResolver {
  @FieldResolver(() => [Statement], {
    description:
      "Statements this actor made (SPEAKER), that were made on its behalf (ON_BEHALF_OF: every statement for the State Department, whoever said it), or that are about it (ABOUT). All three when `as` is left out.",
  })
  async statements(
    @Root() actor: Actor,
    @Ctx() ctx: StatementContext,
    @Arg("as", () => StatementRole, { nullable: true, description: "The actor's part in the statement." }) as?: StatementRole | null,
  ): Promise<Statement[]> {
    // Started together so that the three loaders batch across all actors of the request.
    const [spoken, onBehalf, about] = await Promise.all([
      !as || as === StatementRole.SPEAKER ? ctx.loaders.statementsBySpeaker.load(actor.id) : [],
      !as || as === StatementRole.ON_BEHALF_OF ? ctx.loaders.statementsOnBehalfOf.load(actor.id) : [],
      !as || as === StatementRole.ABOUT ? ctx.loaders.statementsAboutActor.load(actor.id) : [],
    ]);
    const ids = [...spoken.map((s) => s.id), ...onBehalf.map((s) => s.id), ...about.map((row) => row.statementId)];
    return loadStatements(ctx, ids);
  }
}
