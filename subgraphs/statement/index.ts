import { DataVersion1796228996925 as DataVersionPostgres } from "./migrations/postgres/1796228996925-data-version";
import { DataVersion1796228996925 as DataVersionSqlite } from "./migrations/sqlite/1796228996925-data-version";
import { DataVersion } from "../lib/data-version";
import { ImportBatchRecord } from "../lib/import-ledger";
import { ImportLedger1796229205089 as ImportLedgerPostgres } from "./migrations/postgres/1796229205089-import-ledger";
import { ImportLedger1796229205089 as ImportLedgerSqlite } from "./migrations/sqlite/1796229205089-import-ledger";
import { SearchKey1796285949683 as SearchKeySqlite } from "./migrations/sqlite/1796285949683-search-key";
import { datasetDir } from "../lib/bundle-file";
import type { SubgraphModule } from "../lib/subgraph-module";
import { ReportedFigure } from "./figure";
import { FigureResolver } from "./figure.resolver";
import { createStatementLoaders, type StatementLoaders } from "./loaders";
import { Initial1796221396243 as InitialPostgres } from "./migrations/postgres/1796221396243-initial";
import { Writes1796223456445 as WritesPostgres } from "./migrations/postgres/1796223456445-writes";
import { Initial1796221396243 as InitialSqlite } from "./migrations/sqlite/1796221396243-initial";
import { Writes1796223456445 as WritesSqlite } from "./migrations/sqlite/1796223456445-writes";
import { WritesRetraction1796232256828 as WritesRetractionPostgres } from "./migrations/postgres/1796232256828-writes-retraction";
import { WritesRetraction1796232256828 as WritesRetractionSqlite } from "./migrations/sqlite/1796232256828-writes-retraction";
import { statementReferences } from "./reference";
import { type StatementDataset, importStatements } from "./seed";
import { statementSection, readStatementDataset } from "./bundle";
import { Source, SourceCitation } from "./source";
import { SourceCitationResolver, SourceResolver } from "./source.resolver";
import { Appearance, Quote, Stance, Statement, StatementActor, StatementIncident } from "./statement";
import { defineImportApi } from "../lib/import-api";
import { defineWritesQuery, WriteRecord } from "../lib/writes";
import { FigureWriteResolver } from "./figure.write";
import { StatementWriteResolver } from "./statement.write";
import { SourceWriteResolver } from "./source.write";
import { ActorStatementsResolver, EvidenceResolver, IncidentStatementsResolver, StanceResolver, StatementResolver } from "./statement.resolver";

/** The statement subgraph: statements, their source articles, and the figures they report. */
export const statementSubgraph: SubgraphModule<StatementLoaders> = {
  name: "statement",
  entities: [
    Source,
    SourceCitation,
    Statement,
    Quote,
    Stance,
    StatementIncident,
    StatementActor,
    Appearance,
    ReportedFigure,
    WriteRecord,
    DataVersion,
    ImportBatchRecord,
  ],
  resolvers: [
    StatementResolver,
    StanceResolver,
    EvidenceResolver,
    IncidentStatementsResolver,
    ActorStatementsResolver,
    SourceResolver,
    SourceCitationResolver,
    FigureResolver,
    StatementWriteResolver,
    FigureWriteResolver,
    SourceWriteResolver,
    defineWritesQuery("statement"),
    defineImportApi({
      subgraph: "statement",
      referred: { type: "Source", table: "source" },
      section: statementSection,
      importBatch: (db, section, options) => importStatements(db, section as Partial<StatementDataset>, options),
    }),
  ],
  references: statementReferences,
  createLoaders: createStatementLoaders,
  migrations: {
    sqlite: [InitialSqlite, WritesSqlite, DataVersionSqlite, ImportLedgerSqlite, WritesRetractionSqlite, SearchKeySqlite],
    postgres: [InitialPostgres, WritesPostgres, DataVersionPostgres, ImportLedgerPostgres, WritesRetractionPostgres],
  },
  bundleSection: statementSection,
  seed: async (db) => {
    await importStatements(db, readStatementDataset(datasetDir()));
  },
  importBatch: (db, section, options) => importStatements(db, section as Partial<StatementDataset>, options),
};
