import { ActorComponentsResolver } from "./components";
import { DataVersion1796228990445 as DataVersionPostgres } from "./migrations/postgres/1796228990445-data-version";
import { DataVersion1796228990445 as DataVersionSqlite } from "./migrations/sqlite/1796228990445-data-version";
import { DataVersion } from "../lib/data-version";
import { ImportBatchRecord } from "../lib/import-ledger";
import { ImportLedger1796229192840 as ImportLedgerPostgres } from "./migrations/postgres/1796229192840-import-ledger";
import { ImportLedger1796229192840 as ImportLedgerSqlite } from "./migrations/sqlite/1796229192840-import-ledger";
import { datasetDir } from "../lib/bundle-file";
import type { SubgraphModule } from "../lib/subgraph-module";
import { Actor } from "./actor";
import { ActorAliasResolver, ActorResolver, AffiliationResolver } from "./actor.resolver";
import { defineImportApi } from "../lib/import-api";
import { defineWritesQuery, WriteRecord } from "../lib/writes";
import { Affiliation } from "./affiliation";
import { ActorWriteResolver } from "./actor.write";
import { AffiliationWriteResolver } from "./affiliation.write";
import { ActorAlias } from "./alias";
import { Initial1796221394020 as InitialPostgres } from "./migrations/postgres/1796221394020-initial";
import { Writes1796224957858 as WritesPostgres } from "./migrations/postgres/1796224957858-writes";
import { Initial1796221394020 as InitialSqlite } from "./migrations/sqlite/1796221394020-initial";
import { Writes1796224957858 as WritesSqlite } from "./migrations/sqlite/1796224957858-writes";
import { WritesRetraction1796231026752 as WritesRetractionPostgres } from "./migrations/postgres/1796231026752-writes-retraction";
import { WritesRetraction1796231026752 as WritesRetractionSqlite } from "./migrations/sqlite/1796231026752-writes-retraction";
import { type ActorLoaders, createActorLoaders } from "./loaders";
import { ActorNameKey } from "./name-key";
import { actorReferences } from "./reference";
import { type ActorDataset, importActors } from "./seed";
import { actorSection, readActorDataset } from "./bundle";

/** The actor subgraph: actors, their aliases and affiliations, and alias-aware lookup. */
export const actorSubgraph: SubgraphModule<ActorLoaders> = {
  name: "actor",
  entities: [Actor, ActorAlias, Affiliation, ActorNameKey, WriteRecord, DataVersion, ImportBatchRecord],
  resolvers: [
    ActorResolver,
    ActorComponentsResolver,
    AffiliationResolver,
    ActorAliasResolver,
    ActorWriteResolver,
    AffiliationWriteResolver,
    defineWritesQuery("actor"),
    defineImportApi({
      subgraph: "actor",
      referred: { type: "Actor", table: "actor" },
      section: actorSection,
      importBatch: (db, section, options) => importActors(db, section as Partial<ActorDataset>, options),
    }),
  ],
  references: actorReferences,
  createLoaders: createActorLoaders,
  migrations: {
    sqlite: [InitialSqlite, WritesSqlite, DataVersionSqlite, ImportLedgerSqlite, WritesRetractionSqlite],
    postgres: [InitialPostgres, WritesPostgres, DataVersionPostgres, ImportLedgerPostgres, WritesRetractionPostgres],
  },
  bundleSection: actorSection,
  seed: async (db) => {
    await importActors(db, readActorDataset(datasetDir()));
  },
  importBatch: (db, section, options) => importActors(db, section as Partial<ActorDataset>, options),
};
