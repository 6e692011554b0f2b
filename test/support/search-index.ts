import { SUBGRAPHS } from "../../subgraphs";
import { createDataSource, type Database } from "../../subgraphs/lib/data-source";
import type { SearchIndex } from "../../subgraphs/lib/search-index";
import { CasualtyReport, DamageReport, IncidentReport, MunitionReport, Participation } from "../../subgraphs/incident/facts";
import { Incident } from "../../subgraphs/incident/incident";
import { incidentDocuments, incidentSearch } from "../../subgraphs/incident/search";
import { Appearance, Quote, Statement } from "../../subgraphs/statement/statement";
import { statementDocuments, statementSearch } from "../../subgraphs/statement/search";
import type { DatabaseUrls } from "./system";

/** Rows that still stand (a retracted record or fact is in no document). */
const standing = <Row>(rows: Row[]): Row[] => rows.filter((row) => (row as { retractedAt?: string | null }).retractedAt == null);

/**
 * A document's text with its sentences in a canonical order: the first `fixed` lines (title and
 * summary, or the statement's text) as they are, the rest sorted (they follow the facts' read order,
 * which neither engine promises).
 */
function canonical(text: string, fixed: number): string {
  const lines = text.split("\n");
  return [...lines.slice(0, fixed), ...lines.slice(fixed).sort()].join("\n");
}

/** What each standing entity's document must be, computed from its rows by the subgraph's own code. */
async function expectedDocuments(db: Database, subgraph: "incident" | "statement"): Promise<Map<string, string>> {
  const manager = db.dataSource.manager;
  if (subgraph === "incident") {
    const facts = {
      participations: standing(await manager.find(Participation)),
      munitions: standing(await manager.find(MunitionReport)),
      casualties: standing(await manager.find(CasualtyReport)),
      damage: standing(await manager.find(DamageReport)),
      reports: standing(await manager.find(IncidentReport)),
    };
    return new Map(incidentDocuments(facts, standing(await manager.find(Incident))).map((doc) => [doc.id, canonical(doc.text, 2)]));
  }
  const rows = { quotes: standing(await manager.find(Quote)), appearances: standing(await manager.find(Appearance)) };
  return new Map(statementDocuments(rows, standing(await manager.find(Statement))).map((doc) => [doc.id, canonical(doc.text, 1)]));
}

/**
 * How the search index of `subgraph` disagrees with its rows (at most 10 problems; none: it matches):
 * one document per standing entity and none for anything else, each with the text the rows give it;
 * on SQLite, each document at the FTS5 rowid its id's key gives it, and no key without its entity row.
 */
export async function searchIndexProblems(db: Database, subgraph: "incident" | "statement"): Promise<string[]> {
  const index: SearchIndex = subgraph === "incident" ? incidentSearch : statementSearch;
  const expected = await expectedDocuments(db, subgraph);
  const problems: string[] = [];
  const documents: { id: string; body: string; rowid?: number; docid?: number | null }[] = await db.dataSource.query(
    db.kind === "sqlite"
      ? `SELECT s.id, s.body, s.rowid AS rowid, k.docid AS docid FROM "${index.table}" s LEFT JOIN "${index.keyTable}" k ON k.id = s.id`
      : `SELECT id, body FROM "${index.table}"`,
  );
  const seen = new Set<string>();
  for (const doc of documents) {
    if (seen.has(doc.id)) problems.push(`${doc.id}: more than one document`);
    seen.add(doc.id);
    if (db.kind === "sqlite" && doc.rowid !== doc.docid) problems.push(`${doc.id}: document at rowid ${doc.rowid}, its key says ${doc.docid}`);
    const text = expected.get(doc.id);
    if (text === undefined) problems.push(`${doc.id}: a document, but no standing ${subgraph}`);
    else if (canonical(doc.body, subgraph === "incident" ? 2 : 1) !== text)
      problems.push(`${doc.id}: document ${JSON.stringify(doc.body)}, rows give ${JSON.stringify(text)}`);
  }
  for (const id of expected.keys()) if (!seen.has(id)) problems.push(`${id}: no document`);
  if (db.kind === "sqlite") {
    const orphans: { id: string }[] = await db.dataSource.query(
      `SELECT k.id FROM "${index.keyTable}" k LEFT JOIN "${index.entityTable}" e ON e.id = k.id WHERE e.id IS NULL LIMIT 10`,
    );
    for (const { id } of orphans) problems.push(`${id}: a search key without its ${subgraph} row`);
  }
  return problems.slice(0, 10);
}

/** `searchIndexProblems` of both indexed subgraphs, on the databases of a data folder (SQLite) or the URLs given (PostgreSQL). */
export async function searchIndexProblemsAt(where: { dataDir: string; urls?: DatabaseUrls }): Promise<Record<"incident" | "statement", string[]>> {
  const out = {} as Record<"incident" | "statement", string[]>;
  for (const name of ["incident", "statement"] as const) {
    const db = await createDataSource({ name, entities: SUBGRAPHS[name].entities, databaseUrl: where.urls?.[name], dataDir: where.dataDir });
    try {
      out[name] = await searchIndexProblems(db, name);
    } finally {
      await db.dataSource.destroy();
    }
  }
  return out;
}
