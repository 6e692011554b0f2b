import DataLoader from "dataloader";
import { Ctx, Directive, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { queryNamed } from "../lib/data-source";
import { assumedSize } from "../lib/list-size";
import { memoize } from "../lib/subgraph-module";
import { Actor } from "./actor";
import { AffiliationRole } from "./enums";
import type { ActorContext } from "./loaders";

/**
 * The ids of every body that is a component of each of `wholes`, directly or through other
 * components (COMPONENT_OF affiliations followed down), in one recursive statement for all of them.
 */
async function componentsOf(ctx: ActorContext, wholes: readonly string[]): Promise<string[][]> {
  const rows = await queryNamed<{ whole: string; part: string }>(
    ctx.db,
    `WITH RECURSIVE parts(whole, part) AS (
       SELECT "organizationId", "actorId" FROM affiliation WHERE role = :role AND "retractedAt" IS NULL AND "organizationId" IN (:...wholes)
       UNION
       SELECT parts.whole, a."actorId" FROM affiliation a JOIN parts ON a."organizationId" = parts.part WHERE a.role = :role AND a."retractedAt" IS NULL
     )
     SELECT whole, part FROM parts ORDER BY whole, part`,
    { role: AffiliationRole.COMPONENT_OF, wholes: [...wholes] },
  );
  const byWhole = new Map<string, string[]>(wholes.map((id) => [id, []]));
  for (const row of rows) if (row.part !== row.whole) byWhole.get(row.whole)?.push(row.part);
  return wholes.map((id) => byWhole.get(id) ?? []);
}

@Resolver(() => Actor)
export class ActorComponentsResolver {
  // At most 3 in the bundled dataset (the United States: its Department of Defense, State Department...).
  @Directive(assumedSize(20))
  @FieldResolver(() => [ID], {
    description:
      "Ids of the bodies that are part of this actor, directly or through other parts (COMPONENT_OF, followed down): the Iraqi government's are the Prime Minister's office and the security forces. `statementsWithParts` (statement subgraph) reads it.",
  })
  componentIds(@Root() actor: Actor, @Ctx() ctx: ActorContext): Promise<string[]> {
    return memoize(ctx, "componentIds", () => new DataLoader<string, string[]>((wholes) => componentsOf(ctx, wholes))).load(actor.id);
  }
}
