import { DataVersion1796228983777 as DataVersionPostgres } from "./migrations/postgres/1796228983777-data-version";
import { DataVersion1796228983777 as DataVersionSqlite } from "./migrations/sqlite/1796228983777-data-version";
import { DataVersion } from "../lib/data-version";
import { ImportBatchRecord } from "../lib/import-ledger";
import { ImportLedger1796229185593 as ImportLedgerPostgres } from "./migrations/postgres/1796229185593-import-ledger";
import { ImportLedger1796229185593 as ImportLedgerSqlite } from "./migrations/sqlite/1796229185593-import-ledger";
import { SearchKey1796285949683 as SearchKeySqlite } from "./migrations/sqlite/1796285949683-search-key";
import { datasetDir } from "../lib/bundle-file";
import type { SubgraphModule } from "../lib/subgraph-module";
import { IncidentFacetCount } from "./facet-count";
import { FacetResolver } from "./facets";
import { CasualtyReport, ClaimStatusReport, DamageReport, IncidentLink, IncidentReport, MunitionReport, Participation } from "./facts";
import { Incident } from "./incident";
import { ActorIncidentsResolver, IncidentLinkResolver, IncidentResolver, ParticipationResolver } from "./incident.resolver";
import { createIncidentLoaders, type IncidentLoaders } from "./loaders";
import { Initial1796221392496 as InitialPostgres } from "./migrations/postgres/1796221392496-initial";
import { Initial1796221392496 as InitialSqlite } from "./migrations/sqlite/1796221392496-initial";
import { Writes1796229988455 as WritesPostgres } from "./migrations/postgres/1796229988455-writes";
import { Writes1796229988455 as WritesSqlite } from "./migrations/sqlite/1796229988455-writes";
import { FacetCounts1796285609549 as FacetCountsPostgres } from "./migrations/postgres/1796285609549-facet-counts";
import { FacetCounts1796285609549 as FacetCountsSqlite } from "./migrations/sqlite/1796285609549-facet-counts";
import { Place, PlaceAlias } from "./place";
import { PlaceResolver } from "./place.resolver";
import { PlaceNameKey } from "./name-key";
import { incidentReferences } from "./reference";
import { defineImportApi } from "../lib/import-api";
import { defineWritesQuery, WriteRecord } from "../lib/writes";
import { IncidentWriteResolver } from "./incident.write";
import { PlaceWriteResolver } from "./place.write";
import { type IncidentDataset, importIncidents } from "./seed";
import { incidentSection, readIncidentDataset } from "./bundle";

/** The incident subgraph: incidents, places, and who took part in what (`Actor.incidents`). */
export const incidentSubgraph: SubgraphModule<IncidentLoaders> = {
  name: "incident",
  entities: [
    Incident,
    Place,
    PlaceAlias,
    PlaceNameKey,
    Participation,
    ClaimStatusReport,
    MunitionReport,
    CasualtyReport,
    DamageReport,
    IncidentReport,
    IncidentLink,
    WriteRecord,
    DataVersion,
    ImportBatchRecord,
    IncidentFacetCount,
  ],
  resolvers: [
    IncidentResolver,
    ParticipationResolver,
    IncidentLinkResolver,
    ActorIncidentsResolver,
    PlaceResolver,
    FacetResolver,
    IncidentWriteResolver,
    PlaceWriteResolver,
    defineWritesQuery("incident"),
    defineImportApi({
      subgraph: "incident",
      referred: { type: "Incident", table: "incident" },
      section: incidentSection,
      importBatch: (db, section, options) => importIncidents(db, section as Partial<IncidentDataset>, options),
    }),
  ],
  references: incidentReferences,
  createLoaders: createIncidentLoaders,
  migrations: {
    sqlite: [InitialSqlite, DataVersionSqlite, ImportLedgerSqlite, WritesSqlite, FacetCountsSqlite, SearchKeySqlite],
    postgres: [InitialPostgres, DataVersionPostgres, ImportLedgerPostgres, WritesPostgres, FacetCountsPostgres],
  },
  bundleSection: incidentSection,
  seed: async (db) => {
    await importIncidents(db, readIncidentDataset(datasetDir()));
  },
  importBatch: (db, section, options) => importIncidents(db, section as Partial<IncidentDataset>, options),
};
