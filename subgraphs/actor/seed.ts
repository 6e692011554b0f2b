import { importRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import { nameKeyRows } from "../lib/name-match";
import { foldName } from "../lib/names";
import { Actor } from "./actor";
import { Affiliation } from "./affiliation";
import { ActorAlias } from "./alias";
import { ActorNameKey } from "./name-key";

/** Everything the actor subgraph stores, as written in a dataset. */
export interface ActorDataset {
  actors: SeedRow<Actor, "folded">[];
  aliases: SeedRow<ActorAlias, "folded">[];
  affiliations: SeedRow<Affiliation>[];
}

/** Imports an actor dataset (the bundled seed, or a bulk import) in one transaction. */
export async function importActors(db: Database, data: ActorDataset, now: string = new Date().toISOString()): Promise<void> {
  await importRows(db, [
    { entity: Actor, rows: data.actors.map((actor) => ({ ...actor, folded: foldName(actor.name), updatedAt: now })) },
    { entity: ActorAlias, rows: data.aliases.map((alias) => ({ ...alias, folded: foldName(alias.name), updatedAt: now })) },
    { entity: Affiliation, rows: data.affiliations.map((affiliation) => ({ ...affiliation, updatedAt: now })) },
    { entity: ActorNameKey, rows: nameKeyRows("actorId", [...data.actors, ...data.aliases.map((alias) => ({ id: alias.actorId, name: alias.name }))]) },
  ]);
}
