import { DataVersion1796228990445 as DataVersionPostgres } from "./migrations/postgres/1796228990445-data-version";
import { DataVersion1796228990445 as DataVersionSqlite } from "./migrations/sqlite/1796228990445-data-version";
import { DataVersion } from "../lib/data-version";
import { datasetDir } from "../lib/bundle-file";
import type { SubgraphModule } from "../lib/subgraph-module";
import { Actor } from "./actor";
import { ActorAliasResolver, ActorResolver, AffiliationResolver } from "./actor.resolver";
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
import { importActors } from "./seed";
import { actorSection, readActorDataset } from "./bundle";

/** The actor subgraph: actors, their aliases and affiliations, and alias-aware lookup. */
export const actorSubgraph: SubgraphModule<ActorLoaders> = {
  name: "actor",
  entities: [Actor, ActorAlias, Affiliation, ActorNameKey, WriteRecord, DataVersion],
  resolvers: [ActorResolver, AffiliationResolver, ActorAliasResolver, ActorWriteResolver, AffiliationWriteResolver, defineWritesQuery("actor")],
  references: actorReferences,
  createLoaders: createActorLoaders,
  migrations: {
    sqlite: [InitialSqlite, WritesSqlite, DataVersionSqlite, WritesRetractionSqlite],
    postgres: [InitialPostgres, WritesPostgres, DataVersionPostgres, WritesRetractionPostgres],
  },
  bundleSection: actorSection,
  seed: (db) => importActors(db, readActorDataset(datasetDir())),
};
