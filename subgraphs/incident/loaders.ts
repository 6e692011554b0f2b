import type { Database } from "../lib/data-source";
import { rowsByColumn, rowsById } from "../lib/loaders";
import type { SubgraphContext } from "../lib/subgraph-module";
import { CasualtyReport, ClaimStatusReport, DamageReport, IncidentLink, IncidentReport, MunitionReport, Participation } from "./facts";
import { Incident } from "./incident";
import { Place, PlaceAlias } from "./place";

/** One set per operation: every field that reads other rows goes through one of these. */
export function createIncidentLoaders(db: Database) {
  const repo = <T extends object>(entity: new () => T) => db.dataSource.getRepository<T>(entity);
  return {
    incident: rowsById(repo(Incident)),
    place: rowsById(repo(Place)),
    placeAliases: rowsByColumn(repo(PlaceAlias), "placeId", { name: "ASC" }),
    participationsByIncident: rowsByColumn(repo(Participation), "incidentId", { id: "ASC" }),
    participationsByActor: rowsByColumn(repo(Participation), "actorId", { incidentId: "ASC", id: "ASC" }),
    claimStatus: rowsByColumn(repo(ClaimStatusReport), "incidentId", { id: "ASC" }),
    munitions: rowsByColumn(repo(MunitionReport), "incidentId", { id: "ASC" }),
    casualties: rowsByColumn(repo(CasualtyReport), "incidentId", { id: "ASC" }),
    damage: rowsByColumn(repo(DamageReport), "incidentId", { id: "ASC" }),
    reports: rowsByColumn(repo(IncidentReport), "incidentId", { id: "ASC" }),
    linksFrom: rowsByColumn(repo(IncidentLink), "fromIncidentId", { id: "ASC" }),
    linksTo: rowsByColumn(repo(IncidentLink), "toIncidentId", { id: "ASC" }),
  };
}

/** The incident subgraph's loaders. */
export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;
/** The context every incident resolver receives. */
export type IncidentContext = SubgraphContext<IncidentLoaders>;
