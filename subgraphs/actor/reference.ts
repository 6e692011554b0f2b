import type { SubgraphModule } from "../lib/subgraph-module";
import type { ActorLoaders } from "./loaders";

/** How the gateway's entity representations become rows: always through a loader (one query per batch). */
export const actorReferences: SubgraphModule<ActorLoaders>["references"] = {
  Actor: (reference, { loaders }) => loaders.actor.load(reference.id),
};
