import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { defineConnection, PageArgsInput, paginate, sortBy } from "../lib/connection";
import { badUserInput, checkLength, MAX_NAME_LENGTH } from "../lib/errors";
import { lookupName } from "../lib/name-match";
import { PAGED, SIZED_BY_FIRST, assumedSize, cost } from "../lib/list-size";
import { Actor } from "./actor";
import { Affiliation } from "./affiliation";
import { ActorAlias } from "./alias";
import { ActorKind, AffiliationRole } from "./enums";
import type { ActorContext } from "./loaders";
import { Evidence as ActorEvidence } from "./evidence";
import { ActorMatch } from "./match";
import { ACTOR_NAMES } from "./name-key";

/** Where actors keep their names. */
import { standing } from "../lib/retractable";
import { GraphQLDateTime } from "graphql-scalars";

/** The `includeRetracted` argument of a list of an actor's aliases or affiliations. */
const INCLUDE_RETRACTED = "True includes retracted ones (flagged by `retractedAt`), for a client syncing with `actors(updatedSince:)`. Default: left out.";

/** A page of actors. */
export const ActorConnection = defineConnection(Actor, "Actor", "actor");

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => Actor, { nullable: true, description: "An actor by id; null when there is none." })
  actor(@Arg("id", () => ID) id: string, @Ctx() ctx: ActorContext): Promise<Actor | null> {
    return ctx.loaders.actor.load(id);
  }

  @Directive(PAGED)
  @Query(() => ActorConnection, { description: "Actors, by name, optionally of one kind." })
  async actors(
    @Args() page: PageArgsInput,
    @Ctx() ctx: ActorContext,
    @Arg("kind", () => ActorKind, { nullable: true, description: "Only actors of this kind." }) kind?: ActorKind | null,
    @Arg("updatedSince", () => GraphQLDateTime, {
      nullable: true,
      description:
        "Only actors changed at or after this moment (for incremental sync; a change to an alias or affiliation counts); retracted ones are included, flagged by `retractedAt`.",
    })
    updatedSince?: Date | null,
    @Arg("includeRetracted", () => Boolean, {
      nullable: true,
      description: "True includes retracted actors (flagged by `retractedAt`). Default: left out, unless `updatedSince` is given.",
    })
    includeRetracted?: boolean | null,
  ): Promise<InstanceType<typeof ActorConnection>> {
    const query = ctx.db.dataSource.getRepository(Actor).createQueryBuilder("a");
    if (kind) query.andWhere("a.kind = :kind", { kind });
    if (!includeRetracted && !updatedSince) query.andWhere("a.retractedAt IS NULL");
    if (updatedSince) query.andWhere("a.updatedAt >= :updatedSince", { updatedSince: updatedSince.toISOString() });
    const order = sortBy<Actor>("a", "name", "ASC");
    return ActorConnection.from(await paginate(query, page, order, ctx.limits.maxPageSize));
  }

  @Directive(SIZED_BY_FIRST)
  // A fuzzy match over every name: about a page's work.
  @Directive(cost(10))
  @Query(() => [ActorMatch], {
    description:
      'Finds actors by any of their names, best match first, with the name that matched: "Kataeb Hezbollah", "Kata\'ib Hezbollah" and "kataib hezbollah" find the same group, and so do small misspellings. Case, diacritics, apostrophes, hyphens and al-/el- prefixes are ignored.',
  })
  async resolveActor(
    @Arg("name", () => String, { description: "A name or alias, as written anywhere." }) name: string,
    @Ctx() ctx: ActorContext,
    @Arg("first", () => Int, { defaultValue: 5, description: "How many matches at most (1 to 50)." }) first: number,
  ): Promise<ActorMatch[]> {
    if (first < 1 || first > 50) throw badUserInput("first", `\`first\` must be between 1 and 50 (got ${first}).`);
    const ranked = await lookupName(ctx.db, ACTOR_NAMES, checkLength("name", name, MAX_NAME_LENGTH), first);
    const [actors, aliases] = await Promise.all([ctx.loaders.actor.loadMany(ranked.map((m) => m.id)), ctx.loaders.aliases.loadMany(ranked.map((m) => m.id))]);
    return ranked.flatMap((match, index) => {
      const actor = actors[index];
      const actorAliases = aliases[index];
      if (!actor || actor instanceof Error) return [];
      const alias = Array.isArray(actorAliases) ? actorAliases.find((a) => a.name === match.name && match.name !== actor.name) : undefined;
      return [{ actor, matchedName: match.name, matchedAliasKind: alias?.kind ?? null, score: match.score }];
    });
  }

  // At most 9 in the bundled dataset, 1 in generated data.
  @Directive(assumedSize(20))
  @FieldResolver(() => [ActorAlias], { description: "Other names of this actor, each with where it appears." })
  async aliases(
    @Root() actor: Actor,
    @Ctx() ctx: ActorContext,
    @Arg("includeRetracted", () => Boolean, { nullable: true, description: INCLUDE_RETRACTED }) includeRetracted?: boolean | null,
  ): Promise<ActorAlias[]> {
    return standing(await ctx.loaders.aliases.load(actor.id), includeRetracted);
  }

  @FieldResolver(() => ActorEvidence, { nullable: true, description: "The sentence that introduces the actor; null for reference data." })
  evidence(@Root() actor: Actor): Actor["evidence"] | null {
    return actor.evidence?.sourceId ? actor.evidence : null;
  }

  // At most 3 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Affiliation], { description: "What this actor is part of or speaks for (Matthew Miller: SPOKESPERSON_OF the State Department)." })
  async affiliations(
    @Root() actor: Actor,
    @Ctx() ctx: ActorContext,
    @Arg("role", () => AffiliationRole, { nullable: true, description: "Only this relation." }) role?: AffiliationRole | null,
    @Arg("includeRetracted", () => Boolean, { nullable: true, description: INCLUDE_RETRACTED }) includeRetracted?: boolean | null,
  ): Promise<Affiliation[]> {
    const rows = standing(await ctx.loaders.affiliationsOf.load(actor.id), includeRetracted);
    return role ? rows.filter((row) => row.role === role) : rows;
  }

  // At most 5 in the bundled dataset, 0 in generated data.
  @Directive(assumedSize(10))
  @FieldResolver(() => [Affiliation], {
    description: "Who is part of or speaks for this actor: `affiliates(role: SPOKESPERSON_OF)` on the Iraqi Prime Minister's office answers who speaks for it.",
  })
  async affiliates(
    @Root() actor: Actor,
    @Ctx() ctx: ActorContext,
    @Arg("role", () => AffiliationRole, { nullable: true, description: "Only this relation." }) role?: AffiliationRole | null,
    @Arg("includeRetracted", () => Boolean, { nullable: true, description: INCLUDE_RETRACTED }) includeRetracted?: boolean | null,
  ): Promise<Affiliation[]> {
    const rows = standing(await ctx.loaders.affiliatesOf.load(actor.id), includeRetracted);
    return role ? rows.filter((row) => row.role === role) : rows;
  }
}

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @FieldResolver(() => Actor, { description: "The member, official or component." })
  async actor(@Root() affiliation: Affiliation, @Ctx() ctx: ActorContext): Promise<Actor> {
    return (await ctx.loaders.actor.load(affiliation.actorId)) as Actor;
  }

  @FieldResolver(() => Actor, { description: "The body it belongs to or speaks for." })
  async organization(@Root() affiliation: Affiliation, @Ctx() ctx: ActorContext): Promise<Actor> {
    return (await ctx.loaders.actor.load(affiliation.organizationId)) as Actor;
  }

  @FieldResolver(() => ActorEvidence, { nullable: true, description: "The sentence that states the relation; null where it is reference knowledge." })
  evidence(@Root() affiliation: Affiliation): Affiliation["evidence"] | null {
    return affiliation.evidence?.sourceId ? affiliation.evidence : null;
  }
}

@Resolver(() => ActorAlias)
export class ActorAliasResolver {
  @FieldResolver(() => ActorEvidence, { nullable: true, description: "Where this spelling appears; null for a reference-data alias no article uses." })
  evidence(@Root() alias: ActorAlias): ActorAlias["evidence"] | null {
    return alias.evidence?.sourceId ? alias.evidence : null;
  }
}
