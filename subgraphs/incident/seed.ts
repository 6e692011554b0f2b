import { importRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import { foldName } from "../lib/names";
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

/** Imports an incident dataset (the bundled seed, or a bulk import) in one transaction. */
export async function importIncidents(db: Database, data: IncidentDataset, now: string = new Date().toISOString()): Promise<void> {
  await importRows(db, [
    { entity: Place, rows: data.places.map((place) => ({ ...place, folded: foldName(place.name) })) },
    { entity: PlaceAlias, rows: data.placeAliases.map((alias) => ({ ...alias, folded: foldName(alias.name) })) },
    { entity: Incident, rows: data.incidents.map((incident) => ({ ...incident, updatedAt: now })) },
    { entity: Participation, rows: data.participations },
    { entity: ClaimStatusReport, rows: data.claimStatusReports },
    { entity: MunitionReport, rows: data.munitions },
    { entity: CasualtyReport, rows: data.casualties },
    { entity: DamageReport, rows: data.damage },
    { entity: IncidentReport, rows: data.reports },
    { entity: IncidentLink, rows: data.links },
  ]);
}
