import type { Database } from "../lib/data-source";
import { rowsByColumn, rowsById } from "../lib/loaders";
import type { SubgraphContext } from "../lib/subgraph-module";
import { Actor } from "./actor";
import { Affiliation } from "./affiliation";
import { ActorAlias } from "./alias";

/** One set per operation: every field that reads other rows goes through one of these. */
export function createActorLoaders(db: Database) {
  const repo = <T extends object>(entity: new () => T) => db.dataSource.getRepository<T>(entity);
  return {
    actor: rowsById(repo(Actor)),
    aliases: rowsByColumn(repo(ActorAlias), "actorId", { name: "ASC" }),
    affiliationsOf: rowsByColumn(repo(Affiliation), "actorId", { id: "ASC" }),
    affiliatesOf: rowsByColumn(repo(Affiliation), "organizationId", { id: "ASC" }),
  };
}

/** The actor subgraph's loaders. */
export type ActorLoaders = ReturnType<typeof createActorLoaders>;
/** The context every actor resolver receives. */
export type ActorContext = SubgraphContext<ActorLoaders>;
