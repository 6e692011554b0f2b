import type { SubgraphModule } from "../lib/subgraph-module";
import type { IncidentLoaders } from "./loaders";

/** How the gateway's entity representations become rows: always through a loader (one query per batch). */
export const incidentReferences: SubgraphModule<IncidentLoaders>["references"] = {
  Incident: (reference, { loaders }) => loaders.incident.load(reference.id),
  Place: (reference, { loaders }) => loaders.place.load(reference.id),
  // Actor is owned by the actor subgraph; here it only carries the fields this subgraph adds.
  Actor: (reference) => ({ id: reference.id }),
};
