import { type BatchOutcome, existingOwners, type ImportOptions, lastById, runBatch, upsertRows } from "../lib/bulk-import";
import type { Database } from "../lib/data-source";
import type { SeedRow } from "../lib/evidence";
import { ReportedFigure } from "./figure";
import { indexStatements, statementDocuments, statementSearch } from "./search";
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
 * Imports one batch of statement data (the bundled seed, or a batch of a bulk import) in one
 * transaction, with the statements' search documents brought up to date in the same transaction:
 * computed from the batch for statements it brings whole, rebuilt from the database for the others.
 */
export async function importStatements(db: Database, input: Partial<StatementDataset>, options: ImportOptions = {}): Promise<BatchOutcome> {
  const now = options.now ?? new Date().toISOString();
  const data = {
    sources: lastById(input.sources),
    citations: lastById(input.citations),
    statements: lastById(input.statements),
    quotes: lastById(input.quotes),
    stances: lastById(input.stances),
    statementIncidents: input.statementIncidents ?? [],
    statementActors: input.statementActors ?? [],
    appearances: lastById(input.appearances),
    figures: lastById(input.figures),
  };
  const statementIds = new Set<string>(
    [...data.statements, ...data.quotes.map((row) => ({ id: row.statementId })), ...data.appearances.map((row) => ({ id: row.statementId }))].map(
      (row) => row.id,
    ),
  );
  return runBatch(db, options.ledger, async (manager) => {
    const stored = await existingOwners(manager, db.kind, [
      { table: "statement", select: "id", where: "id", ids: [...statementIds] },
      { table: "statement_quote", select: "statementId", where: "statementId", ids: [...statementIds] },
      { table: "statement_quote", select: "statementId", where: "id", ids: data.quotes.map((row) => row.id) },
      { table: "statement_appearance", select: "statementId", where: "statementId", ids: [...statementIds] },
      { table: "statement_appearance", select: "statementId", where: "id", ids: data.appearances.map((row) => row.id) },
    ]);
    let rows = 0;
    const write = async (entity: Function, batch: object[]) => (rows += await upsertRows(manager, db.kind, entity, batch));
    await write(
      Source,
      data.sources.map((source) => ({ ...source, updatedAt: now })),
    );
    await write(SourceCitation, data.citations);
    await write(
      Statement,
      data.statements.map((statement) => ({ ...statement, updatedAt: now })),
    );
    await write(Quote, data.quotes);
    await write(Stance, data.stances);
    await write(StatementIncident, data.statementIncidents);
    await write(StatementActor, data.statementActors);
    await write(Appearance, data.appearances);
    await write(
      ReportedFigure,
      data.figures.map((figure) => ({ ...figure, updatedAt: now })),
    );
    // Derived data, in the same transaction: it can never disagree with the rows it derives from.
    await statementSearch.write(
      manager,
      db.kind,
      statementDocuments(
        data,
        data.statements.filter((statement) => !stored.has(statement.id)),
      ),
    );
    await indexStatements(manager, db.kind, [...stored]);
    await options.alsoInTransaction?.(manager);
    return rows;
  });
}
