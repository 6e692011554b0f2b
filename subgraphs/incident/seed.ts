import { type BatchOutcome, existingOwners, type ImportOptions, lastById, runBatch, upsertRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import { nameKeyRows, rebuildNameKeys } from "../lib/name-match";
import { foldName } from "../lib/names";
import { PLACE_NAMES, PlaceNameKey } from "./name-key";
import { incidentDocuments, incidentSearch, indexIncidents } from "./search";
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

/** The fact tables whose evidence sentences are part of an incident's search document, in document order. */
const SEARCHED_FACTS = [
  ["participation", "participations"],
  ["munition_report", "munitions"],
  ["casualty_report", "casualties"],
  ["damage_report", "damage"],
  ["incident_report", "reports"],
] as const;

/**
 * Imports one batch of incident data (the bundled seed, or a batch of a bulk import) in one
 * transaction, with the place name keys and the incidents' search documents brought up to date in the
 * same transaction: computed from the batch for incidents and places it brings whole, rebuilt from
 * the database for those that already had rows.
 */
export async function importIncidents(db: Database, input: Partial<IncidentDataset>, options: ImportOptions = {}): Promise<BatchOutcome> {
  const now = options.now ?? new Date().toISOString();
  const data = {
    places: lastById(input.places),
    placeAliases: lastById(input.placeAliases),
    incidents: lastById(input.incidents),
    participations: lastById(input.participations),
    claimStatusReports: lastById(input.claimStatusReports),
    munitions: lastById(input.munitions),
    casualties: lastById(input.casualties),
    damage: lastById(input.damage),
    reports: lastById(input.reports),
    links: lastById(input.links),
  };
  const incidentIds = new Set<string>(data.incidents.map((row) => row.id));
  for (const [, table] of SEARCHED_FACTS) for (const row of data[table]) incidentIds.add(row.incidentId);
  const placeIds = new Set<string>([...data.places.map((row) => row.id), ...data.placeAliases.map((row) => row.placeId)]);
  return runBatch(db, options.ledger, async (manager) => {
    const incidentsStored = await existingOwners(manager, db.kind, [
      { table: "incident", select: "id", where: "id", ids: [...incidentIds] },
      ...SEARCHED_FACTS.flatMap(([table, key]) => [
        { table, select: "incidentId", where: "incidentId", ids: [...incidentIds] },
        { table, select: "incidentId", where: "id", ids: data[key].map((row) => row.id) },
      ]),
    ]);
    const placesStored = await existingOwners(manager, db.kind, [
      { table: "place", select: "id", where: "id", ids: [...placeIds] },
      { table: "place_alias", select: "placeId", where: "placeId", ids: [...placeIds] },
      { table: "place_alias", select: "placeId", where: "id", ids: data.placeAliases.map((row) => row.id) },
    ]);
    let rows = 0;
    const write = async (entity: Function, batch: object[]) => (rows += await upsertRows(manager, db.kind, entity, batch));
    await write(
      Place,
      data.places.map((place) => ({ ...place, folded: foldName(place.name), updatedAt: now })),
    );
    await write(
      PlaceAlias,
      data.placeAliases.map((alias) => ({ ...alias, folded: foldName(alias.name) })),
    );
    await write(
      Incident,
      data.incidents.map((incident) => ({ ...incident, updatedAt: now })),
    );
    await write(
      Participation,
      data.participations.map((row) => ({ ...row, updatedAt: now })),
    );
    await write(ClaimStatusReport, data.claimStatusReports);
    await write(MunitionReport, data.munitions);
    await write(CasualtyReport, data.casualties);
    await write(DamageReport, data.damage);
    await write(
      IncidentReport,
      data.reports.map((row) => ({ ...row, updatedAt: now })),
    );
    await write(IncidentLink, data.links);

    // Derived data, in the same transaction: it can never disagree with the rows it derives from.
    const newPlaces = new Set([...placeIds].filter((id) => !placesStored.has(id)));
    await upsertRows(
      manager,
      db.kind,
      PlaceNameKey,
      nameKeyRows(
        "placeId",
        [...data.places, ...data.placeAliases.map((alias) => ({ id: alias.placeId, name: alias.name }))].filter((row) => newPlaces.has(row.id)),
      ),
    );
    await rebuildNameKeys(manager, PLACE_NAMES, PlaceNameKey, [...placesStored]);
    await incidentSearch.write(
      manager,
      db.kind,
      incidentDocuments(
        data,
        data.incidents.filter((incident) => !incidentsStored.has(incident.id)),
      ),
    );
    await indexIncidents(manager, db.kind, [...incidentsStored]);
    await options.alsoInTransaction?.(manager);
    return rows;
  });
}
