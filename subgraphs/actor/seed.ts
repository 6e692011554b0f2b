import { type BatchOutcome, existingOwners, type ImportOptions, lastById, runBatch, upsertRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import { nameKeyRows, rebuildNameKeys } from "../lib/name-match";
import { foldName } from "../lib/names";
import { Actor } from "./actor";
import { Affiliation } from "./affiliation";
import { ActorAlias } from "./alias";
import { ACTOR_NAMES, ActorNameKey } from "./name-key";

/** Everything the actor subgraph stores, as written in a dataset. */
export interface ActorDataset {
  actors: SeedRow<Actor, "folded">[];
  aliases: SeedRow<ActorAlias, "folded">[];
  affiliations: SeedRow<Affiliation>[];
}

/**
 * Imports one batch of actor data (the bundled seed, or a batch of a bulk import) in one transaction,
 * with the name keys brought up to date in the same transaction: computed from the batch for actors
 * it brings whole, rebuilt from the database for those that already had names stored.
 */
export async function importActors(db: Database, input: Partial<ActorDataset>, options: ImportOptions = {}): Promise<BatchOutcome> {
  const now = options.now ?? new Date().toISOString();
  const data = { actors: lastById(input.actors), aliases: lastById(input.aliases), affiliations: lastById(input.affiliations) };
  const actorIds = new Set<string>([...data.actors.map((row) => row.id), ...data.aliases.map((row) => row.actorId)]);
  return runBatch(db, options.ledger, async (manager) => {
    const stored = await existingOwners(manager, db.kind, [
      { table: "actor", select: "id", where: "id", ids: [...actorIds] },
      { table: "actor_alias", select: "actorId", where: "actorId", ids: [...actorIds] },
      { table: "actor_alias", select: "actorId", where: "id", ids: data.aliases.map((row) => row.id) },
    ]);
    let rows = await upsertRows(
      manager,
      db.kind,
      Actor,
      data.actors.map((actor) => ({ ...actor, folded: foldName(actor.name), updatedAt: now })),
    );
    rows += await upsertRows(
      manager,
      db.kind,
      ActorAlias,
      data.aliases.map((alias) => ({ ...alias, folded: foldName(alias.name), updatedAt: now })),
    );
    rows += await upsertRows(
      manager,
      db.kind,
      Affiliation,
      data.affiliations.map((affiliation) => ({ ...affiliation, updatedAt: now })),
    );
    const names = [...data.actors, ...data.aliases.map((alias) => ({ id: alias.actorId, name: alias.name }))];
    await upsertRows(
      manager,
      db.kind,
      ActorNameKey,
      nameKeyRows(
        "actorId",
        names.filter((row) => !stored.has(row.id)),
      ),
    );
    await rebuildNameKeys(manager, ACTOR_NAMES, ActorNameKey, [...stored]);
    await options.alsoInTransaction?.(manager);
    return rows;
  });
}
