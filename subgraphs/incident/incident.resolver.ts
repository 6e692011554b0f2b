import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { defineConnection, nestedPage, PageArgsInput, pageRows, paginate, sortBy } from "../lib/connection";
import { defineSearchConnection, searchPage } from "../lib/search-connection";
import { PAGED, assumedSize, cost } from "../lib/list-size";
import { CasualtyReport, ClaimStatusReport, DamageReport, IncidentLink, IncidentReport, MunitionReport, Participation } from "./facts";
import { ParticipantRole, ParticipationBasis } from "./enums";
import { applyIncidentFilter, IncidentFilter } from "./filter";
import { Incident } from "./incident";
import { incidentSearch } from "./search";
import type { IncidentContext } from "./loaders";
import { Place } from "./place";
import { Actor } from "./refs";
import { standing } from "../lib/retractable";

/** A page of incidents. */
export const IncidentConnection = defineConnection(Incident, "Incident", "incident");
/** A page of incident search hits. */
export const IncidentSearchConnection = defineSearchConnection(Incident, "IncidentSearch", "incident");
/** The `includeRetracted` argument of a list of an incident's facts. */
const INCLUDE_RETRACTED =
  "True includes retracted ones (flagged by `retractedAt`), for a client syncing with `incidents(filter: { updatedSince })`. Default: left out.";
/** The order of incident lists: newest first. */
const INCIDENT_ORDER = sortBy<Incident>("i", "startsAt", "DESC");

@Resolver(() => Incident)
export class IncidentResolver {
  @Directive(PAGED)
  @Query(() => IncidentConnection, { description: "Incidents matching a filter, newest first (by the start of their time span, then id)." })
  async incidents(
    @Args() page: PageArgsInput,
    @Ctx() ctx: IncidentContext,
    @Arg("filter", () => IncidentFilter, { nullable: true, description: "Which incidents; all when left out." }) filter?: IncidentFilter | null,
  ): Promise<InstanceType<typeof IncidentConnection>> {
    const incidents = () => ctx.db.dataSource.getRepository(Incident).createQueryBuilder("i");
    const query = incidents();
    const max = ctx.limits.maxPageSize;
    const hints = await applyIncidentFilter(query, filter, ctx, pageRows(page, max));
    // The page's query is written for walking one page; a count gets the conditions written for counting.
    const count = async () => {
      const counted = incidents();
      await applyIncidentFilter(counted, filter, ctx);
      return counted.getCount();
    };
    return IncidentConnection.from(await paginate(query, page, INCIDENT_ORDER, max, count), hints);
  }

  @Directive(PAGED)
  // A full-text search: about a page's work before any row is read.
  @Directive(cost(10))
  @Query(() => IncidentSearchConnection, {
    description: "Full-text search over incident titles, summaries and evidence sentences, best match first, with the matching passage.",
  })
  async searchIncidents(
    @Arg("query", () => String, { description: "Words to find (all must match; case, diacritics and word endings are ignored)." }) text: string,
    @Args() page: PageArgsInput,
    @Ctx() ctx: IncidentContext,
  ): Promise<InstanceType<typeof IncidentSearchConnection>> {
    return searchPage(incidentSearch, IncidentSearchConnection, ctx, text, page, (ids) => ctx.loaders.incident.loadMany(ids));
  }

  @Query(() => Incident, { nullable: true, description: "An incident by id; null when there is none." })
  incident(@Arg("id", () => ID) id: string, @Ctx() ctx: IncidentContext): Promise<Incident | null> {
    return ctx.loaders.incident.load(id);
  }

  @FieldResolver(() => Place, { nullable: true, description: "Where it happened." })
  place(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<Place | null> | null {
    return incident.placeId ? ctx.loaders.place.load(incident.placeId) : null;
  }

  // At most 9 in the bundled dataset, 2 in generated data.
  @Directive(assumedSize(20))
  @FieldResolver(() => [Participation], { description: "Who took part, in which role, and on what basis: one row per source claim." })
  async participants(
    @Root() incident: Incident,
    @Ctx() ctx: IncidentContext,
    @Arg("includeRetracted", () => Boolean, { nullable: true, description: INCLUDE_RETRACTED }) includeRetracted?: boolean | null,
  ): Promise<Participation[]> {
    return standing(await ctx.loaders.participationsByIncident.load(incident.id), includeRetracted);
  }

  // At most 1 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(5))
  @FieldResolver(() => [ClaimStatusReport], { description: "What sources say about responsibility, including that nobody claimed it." })
  claimStatus(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<ClaimStatusReport[]> {
    return ctx.loaders.claimStatus.load(incident.id);
  }

  // At most 5 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [MunitionReport], { description: "Munitions, as each source reports them (they may disagree)." })
  munitions(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<MunitionReport[]> {
    return ctx.loaders.munitions.load(incident.id);
  }

  // At most 3 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [CasualtyReport], { description: "Casualties, as each source reports them." })
  casualties(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<CasualtyReport[]> {
    return ctx.loaders.casualties.load(incident.id);
  }

  // At most 2 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(5))
  @FieldResolver(() => [DamageReport], { description: "Damage, as each source reports it." })
  damage(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<DamageReport[]> {
    return ctx.loaders.damage.load(incident.id);
  }

  // At most 5 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [IncidentReport], { description: "One report per article that mentions this incident." })
  async reports(
    @Root() incident: Incident,
    @Ctx() ctx: IncidentContext,
    @Arg("includeRetracted", () => Boolean, { nullable: true, description: INCLUDE_RETRACTED }) includeRetracted?: boolean | null,
  ): Promise<IncidentReport[]> {
    return standing(await ctx.loaders.reports.load(incident.id), includeRetracted);
  }

  // At most 1 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(5))
  @FieldResolver(() => [IncidentLink], { description: "Links from this incident to others (it retaliates for, follows up, or is part of them)." })
  links(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<IncidentLink[]> {
    return ctx.loaders.linksFrom.load(incident.id);
  }

  // At most 4 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [IncidentLink], { description: "Links from other incidents to this one (retaliations for it, arrests after it, its parts)." })
  linkedFrom(@Root() incident: Incident, @Ctx() ctx: IncidentContext): Promise<IncidentLink[]> {
    return ctx.loaders.linksTo.load(incident.id);
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Actor, { nullable: true, description: "The actor (null only while the actor subgraph is unavailable)." })
  actor(@Root() participation: Participation): Actor {
    return { id: participation.actorId };
  }

  @FieldResolver(() => Incident, { description: "The incident." })
  async incident(@Root() participation: Participation, @Ctx() ctx: IncidentContext): Promise<Incident> {
    return (await ctx.loaders.incident.load(participation.incidentId)) as Incident;
  }
}

@Resolver(() => IncidentLink)
export class IncidentLinkResolver {
  @FieldResolver(() => Incident, { description: "The incident the link starts from." })
  async from(@Root() link: IncidentLink, @Ctx() ctx: IncidentContext): Promise<Incident> {
    return (await ctx.loaders.incident.load(link.fromIncidentId)) as Incident;
  }

  @FieldResolver(() => Incident, { description: "The incident the link points to." })
  async to(@Root() link: IncidentLink, @Ctx() ctx: IncidentContext): Promise<Incident> {
    return (await ctx.loaders.incident.load(link.toIncidentId)) as Incident;
  }
}

@Resolver(() => Actor)
export class ActorIncidentsResolver {
  // Grows with the data: at most 11 in the bundled dataset, 20 in generated data; `incidents` pages.
  @Directive(assumedSize(50))
  @FieldResolver(() => [Participation], {
    nullable: true,
    description: "This actor's parts in incidents, optionally only in one role or on one basis. Null while the incident subgraph is unavailable.",
  })
  async participations(
    @Root() actor: Actor,
    @Ctx() ctx: IncidentContext,
    @Arg("role", () => ParticipantRole, { nullable: true, description: "Only this role." }) role?: ParticipantRole | null,
    @Arg("basis", () => ParticipationBasis, { nullable: true, description: "Only this basis." }) basis?: ParticipationBasis | null,
  ): Promise<Participation[]> {
    const rows = standing(await ctx.loaders.participationsByActor.load(actor.id));
    return rows.filter((row) => (!role || row.role === role) && (!basis || row.basis === basis));
  }

  @Directive(PAGED)
  @FieldResolver(() => IncidentConnection, {
    nullable: true,
    description:
      'Incidents this actor took part in, newest first, optionally only in one role (PERPETRATOR) or on one basis (CLAIMED): "who claimed it" and "who is believed to have done it" are different questions. Reach an actor by any of its names with `resolveActor`. Pages forward (`first`/`after`). Null while the incident subgraph is unavailable.',
  })
  async incidents(
    @Root() actor: Actor,
    @Ctx() ctx: IncidentContext,
    @Args() page: PageArgsInput,
    @Arg("role", () => ParticipantRole, { nullable: true, description: "Only this role." }) role?: ParticipantRole | null,
    @Arg("basis", () => ParticipationBasis, { nullable: true, description: "Only this basis." }) basis?: ParticipationBasis | null,
    @Arg("filter", () => IncidentFilter, { nullable: true, description: "Further conditions on the incidents (dates, place, type...)." })
    filter?: IncidentFilter | null,
  ): Promise<InstanceType<typeof IncidentConnection>> {
    const connection = await nestedPage({
      context: ctx,
      key: `actorIncidents:${JSON.stringify({ page, role, basis, filter })}`,
      parentId: actor.id,
      args: page,
      order: INCIDENT_ORDER,
      groupColumn: 'pp."actorId"',
      maxPageSize: ctx.limits.maxPageSize,
      query: async (actorIds) => {
        const query = participationQuery(ctx, actorIds, role, basis);
        await applyIncidentFilter(query, filter, ctx);
        return query;
      },
      load: (ids) => ctx.loaders.incident.loadMany(ids),
    });
    return IncidentConnection.from(connection);
  }
}

/** Incidents joined to the (distinct) participations of some actors, in a role and on a basis if given. */
function participationQuery(ctx: IncidentContext, actorIds: readonly string[], role?: ParticipantRole | null, basis?: ParticipationBasis | null) {
  const conditions = ['p."actorId" IN (:...groupActors)', 'p."retractedAt" IS NULL'];
  if (role) conditions.push("p.role = :groupRole");
  if (basis) conditions.push("p.basis = :groupBasis");
  return ctx.db.dataSource
    .getRepository(Incident)
    .createQueryBuilder("i")
    .innerJoin(
      `(SELECT DISTINCT p."actorId" AS "actorId", p."incidentId" AS "incidentId" FROM participation p WHERE ${conditions.join(" AND ")})`,
      "pp",
      'pp."incidentId" = i.id',
    )
    .setParameters({ groupActors: [...actorIds], groupRole: role, groupBasis: basis });
}
