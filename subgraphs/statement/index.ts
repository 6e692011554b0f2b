import { datasetDir } from "../lib/bundle-file";
import type { SubgraphModule } from "../lib/subgraph-module";
import { ReportedFigure } from "./figure";
import { FigureResolver } from "./figure.resolver";
import { createStatementLoaders, type StatementLoaders } from "./loaders";
import { Initial1796221396243 as InitialPostgres } from "./migrations/postgres/1796221396243-initial";
import { Initial1796221396243 as InitialSqlite } from "./migrations/sqlite/1796221396243-initial";
import { statementReferences } from "./reference";
import { importStatements } from "./seed";
import { statementSection, readStatementDataset } from "./bundle";
import { Source, SourceCitation } from "./source";
import { SourceCitationResolver, SourceResolver } from "./source.resolver";
import { Appearance, Quote, Stance, Statement, StatementActor, StatementIncident } from "./statement";
import { ActorStatementsResolver, EvidenceResolver, IncidentStatementsResolver, StanceResolver, StatementResolver } from "./statement.resolver";

/** The statement subgraph: statements, their source articles, and the figures they report. */
export const statementSubgraph: SubgraphModule<StatementLoaders> = {
  name: "statement",
  entities: [Source, SourceCitation, Statement, Quote, Stance, StatementIncident, StatementActor, Appearance, ReportedFigure],
  resolvers: [
    StatementResolver,
    StanceResolver,
    EvidenceResolver,
    IncidentStatementsResolver,
    ActorStatementsResolver,
    SourceResolver,
    SourceCitationResolver,
    FigureResolver,
  ],
  references: statementReferences,
  createLoaders: createStatementLoaders,
  migrations: { sqlite: [InitialSqlite], postgres: [InitialPostgres] },
  bundleSection: statementSection,
  seed: (db) => importStatements(db, readStatementDataset(datasetDir())),
};
