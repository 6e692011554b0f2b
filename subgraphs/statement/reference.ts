import type { SubgraphModule } from "../lib/subgraph-module";
import type { StatementLoaders } from "./loaders";

/** How the gateway's entity representations become rows: always through a loader (one query per batch). */
export const statementReferences: SubgraphModule<StatementLoaders>["references"] = {
  Statement: (reference, { loaders }) => loaders.statement.load(reference.id),
  Source: (reference, { loaders }) => loaders.source.load(reference.id),
  ReportedFigure: (reference, { loaders }) => loaders.figure.load(reference.id),
  // Owned elsewhere; here they only carry the fields this subgraph adds.
  // An Actor keeps `componentIds` when the gateway sends it (`@requires` of `statementsWithParts`).
  Actor: (reference: { id: string; componentIds?: unknown }) => ({
    id: reference.id,
    componentIds: Array.isArray(reference.componentIds) ? reference.componentIds.filter((id): id is string => typeof id === "string") : undefined,
  }),
  Incident: (reference) => ({ id: reference.id }),
};
