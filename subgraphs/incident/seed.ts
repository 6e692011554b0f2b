import { importRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import type { EntityManager } from "typeorm";
import { nameKeyRows } from "../lib/name-match";
import { foldName } from "../lib/names";
import { PlaceNameKey } from "./name-key";
import { indexIncidents } from "./search";
import { CasualtyReport, ClaimStatusReport, DamageReport, IncidentLink, IncidentReport, MunitionReport, Participation } from "./facts";
import { Incident } from "./incident";
import { Place, PlaceAlias } from "./place";

/** Everything the incident subgraph stores, as written in a dataset. */
export interface IncidentDataset {
  places: SeedRow<Place, "folded">[];
  placeAliases: SeedRow<PlaceAlias, "folded">[];
  incidents: SeedRow<Incident, "updatedAt">[];
  participations: SeedRow<Participation>[];
  claimStatusReports: SeedRow<ClaimStatusReport>[];
  munitions: SeedRow<MunitionReport>[];
  casualties: SeedRow<CasualtyReport>[];
  damage: SeedRow<DamageReport>[];
  reports: SeedRow<IncidentReport>[];
  links: SeedRow<IncidentLink>[];
}

/** Name keys of places and their aliases, for misspelling-tolerant lookup. */
function placeNameKeys(data: IncidentDataset): PlaceNameKey[] {
  return nameKeyRows("placeId", [...data.places, ...data.placeAliases.map((alias) => ({ id: alias.placeId, name: alias.name }))]);
}

/**
 * Imports an incident dataset (the bundled seed, or a bulk import) in one transaction, with the
 * place name keys and the incidents' search documents rebuilt in the same transaction.
 */
export async function importIncidents(db: Database, data: IncidentDataset, now: string = new Date().toISOString()): Promise<void> {
  const touched = new Set<string>([
    ...data.incidents.map((row) => row.id),
    ...[data.participations, data.munitions, data.casualties, data.damage, data.reports].flatMap((rows) => rows.map((row) => row.incidentId)),
  ]);
  const reindex = (manager: EntityManager) => indexIncidents(manager, db.kind, [...touched]);
  await importRows(
    db,
    [
      { entity: Place, rows: data.places.map((place) => ({ ...place, folded: foldName(place.name), updatedAt: now })) },
      { entity: PlaceAlias, rows: data.placeAliases.map((alias) => ({ ...alias, folded: foldName(alias.name) })) },
      { entity: Incident, rows: data.incidents.map((incident) => ({ ...incident, updatedAt: now })) },
      { entity: Participation, rows: data.participations.map((row) => ({ ...row, updatedAt: now })) },
      { entity: ClaimStatusReport, rows: data.claimStatusReports },
      { entity: MunitionReport, rows: data.munitions },
      { entity: CasualtyReport, rows: data.casualties },
      { entity: DamageReport, rows: data.damage },
      { entity: IncidentReport, rows: data.reports.map((row) => ({ ...row, updatedAt: now })) },
      { entity: IncidentLink, rows: data.links },
      { entity: PlaceNameKey, rows: placeNameKeys(data) },
    ],
    reindex,
  );
}
