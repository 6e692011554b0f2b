import { importRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import { ReportedFigure } from "./figure";
import { indexStatements } from "./search";
import { Source, SourceCitation } from "./source";
import { Appearance, Quote, Stance, Statement, StatementActor, StatementIncident } from "./statement";

/** Everything the statement subgraph stores, as written in a dataset. */
export interface StatementDataset {
  sources: SeedRow<Source>[];
  citations: SeedRow<SourceCitation>[];
  statements: SeedRow<Statement, "updatedAt">[];
  quotes: SeedRow<Quote>[];
  stances: SeedRow<Stance>[];
  statementIncidents: SeedRow<StatementIncident>[];
  statementActors: SeedRow<StatementActor>[];
  appearances: SeedRow<Appearance>[];
  figures: SeedRow<ReportedFigure>[];
}

/**
 * Imports a statement dataset (the bundled seed, or a bulk import) in one transaction, with the
 * statements' search documents rebuilt in the same transaction.
 */
export async function importStatements(db: Database, data: StatementDataset, now: string = new Date().toISOString()): Promise<void> {
  const touched = new Set<string>([
    ...data.statements.map((row) => row.id),
    ...[data.quotes, data.appearances].flatMap((rows) => rows.map((row) => row.statementId)),
  ]);
  await importRows(
    db,
    [
      { entity: Source, rows: data.sources.map((source) => ({ ...source, updatedAt: now })) },
      { entity: SourceCitation, rows: data.citations },
      { entity: Statement, rows: data.statements.map((statement) => ({ ...statement, updatedAt: now })) },
      { entity: Quote, rows: data.quotes },
      { entity: Stance, rows: data.stances },
      { entity: StatementIncident, rows: data.statementIncidents },
      { entity: StatementActor, rows: data.statementActors },
      { entity: Appearance, rows: data.appearances },
      { entity: ReportedFigure, rows: data.figures.map((figure) => ({ ...figure, updatedAt: now })) },
    ],
    (manager) => indexStatements(manager, db.kind, [...touched]),
  );
}
