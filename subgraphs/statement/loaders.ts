import type { Database } from "../lib/data-source";
import { rowsByColumn, rowsById } from "../lib/loaders";
import type { SubgraphContext } from "../lib/subgraph-module";
import { ReportedFigure } from "./figure";
import { Source, SourceCitation } from "./source";
import { Appearance, Quote, Stance, Statement, StatementActor, StatementIncident } from "./statement";

/** One set per operation: every field that reads other rows goes through one of these. */
export function createStatementLoaders(db: Database) {
  const repo = <T extends object>(entity: new () => T) => db.dataSource.getRepository<T>(entity);
  return {
    statement: rowsById(repo(Statement)),
    source: rowsById(repo(Source)),
    figure: rowsById(repo(ReportedFigure)),
    citations: rowsByColumn(repo(SourceCitation), "sourceId", { id: "ASC" }),
    quotes: rowsByColumn(repo(Quote), "statementId", { id: "ASC" }),
    stances: rowsByColumn(repo(Stance), "statementId", { id: "ASC" }),
    appearances: rowsByColumn(repo(Appearance), "statementId", { id: "ASC" }),
    incidentsOfStatement: rowsByColumn(repo(StatementIncident), "statementId", { incidentId: "ASC" }),
    statementsOfIncident: rowsByColumn(repo(StatementIncident), "incidentId", { statementId: "ASC" }),
    actorsOfStatement: rowsByColumn(repo(StatementActor), "statementId", { actorId: "ASC" }),
    figuresOfIncident: rowsByColumn(repo(ReportedFigure), "incidentId", { asOf: "ASC", id: "ASC" }),
    figuresOfStatement: rowsByColumn(repo(ReportedFigure), "statementId", { asOf: "ASC", id: "ASC" }),
  };
}

/** The statement subgraph's loaders. */
export type StatementLoaders = ReturnType<typeof createStatementLoaders>;
/** The context every statement resolver receives. */
export type StatementContext = SubgraphContext<StatementLoaders>;

/** Loads statements by id for a list, dropping ids that have no row and retracted statements; sorted by date said. */
export async function loadStatements(ctx: StatementContext, ids: string[]): Promise<Statement[]> {
  const rows = await ctx.loaders.statement.loadMany([...new Set(ids)]);
  return rows
    .filter((row): row is Statement => row !== null && !(row instanceof Error) && row.retractedAt === null)
    .sort((a, b) => a.saidOn.localeCompare(b.saidOn) || a.id.localeCompare(b.id));
}
