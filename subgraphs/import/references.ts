import type { SubgraphName } from "../lib/config";

// The references a bundle's rows make to entities another subgraph owns. An import checks them
// before a batch is committed: the entity must be in its database already, or earlier in the same
// import (this batch included); a row whose reference points nowhere is a reported problem.

/** An entity type other subgraphs refer to, and where its rows live. */
export interface ReferenceTarget {
  subgraph: SubgraphName;
  /** Its table (direct lookups). */
  table: string;
  /** Its table in a bundle section (ids the import itself brings). */
  sectionTable: string;
}

/** The entity types referred to across subgraphs. */
export const TARGETS = {
  Actor: { subgraph: "actor", table: "actor", sectionTable: "actors" },
  Incident: { subgraph: "incident", table: "incident", sectionTable: "incidents" },
  Source: { subgraph: "statement", table: "source", sectionTable: "sources" },
} as const satisfies Record<string, ReferenceTarget>;

/** A referred entity type. */
export type TargetType = keyof typeof TARGETS;

/** One kind of cross-subgraph reference: rows of `subgraph`'s `table` hold an id of `type` at `path`. */
export interface CrossReference {
  subgraph: SubgraphName;
  table: string;
  path: readonly string[];
  type: TargetType;
}

const evidence = (subgraph: SubgraphName, tables: string[]): CrossReference[] =>
  tables.map((table) => ({ subgraph, table, path: ["evidence", "sourceId"], type: "Source" }));

/** Every cross-subgraph reference a bundle can make. */
export const CROSS_REFERENCES: readonly CrossReference[] = [
  ...evidence("actor", ["aliases", "affiliations"]),
  ...evidence("incident", ["placeAliases", "participations", "claimStatusReports", "munitions", "casualties", "damage", "reports", "links"]),
  { subgraph: "incident", table: "participations", path: ["actorId"], type: "Actor" },
  { subgraph: "statement", table: "sources", path: ["outletId"], type: "Actor" },
  { subgraph: "statement", table: "citations", path: ["actorId"], type: "Actor" },
  { subgraph: "statement", table: "statements", path: ["speakerId"], type: "Actor" },
  { subgraph: "statement", table: "statements", path: ["onBehalfOfId"], type: "Actor" },
  { subgraph: "statement", table: "statements", path: ["viaId"], type: "Actor" },
  { subgraph: "statement", table: "stances", path: ["actorId"], type: "Actor" },
  { subgraph: "statement", table: "stances", path: ["incidentId"], type: "Incident" },
  { subgraph: "statement", table: "statementActors", path: ["actorId"], type: "Actor" },
  { subgraph: "statement", table: "statementIncidents", path: ["incidentId"], type: "Incident" },
  { subgraph: "statement", table: "figures", path: ["reportedById"], type: "Actor" },
  { subgraph: "statement", table: "figures", path: ["incidentId"], type: "Incident" },
];

/** The id a row holds at `path`, if any. */
export function referenceAt(row: unknown, path: readonly string[]): string | undefined {
  let value: unknown = row;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" ? value : undefined;
}
