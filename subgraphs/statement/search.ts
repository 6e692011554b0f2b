import type { EntityManager } from "typeorm";
import type { Database } from "../lib/data-source";
import { type SearchDocument, SearchIndex } from "../lib/search-index";
import { Appearance, Quote, Statement } from "./statement";

/** The full-text index of statements: their text, quotes and the sentences they appear in. */
export const statementSearch = new SearchIndex("statement_search", "statement");

/** A statement's search document: its text, then each distinct quote and appearance sentence. */
function document(statement: { id: string; text: string }, parts: Iterable<string> = []): SearchDocument {
  return { id: statement.id, text: [statement.text, ...parts].join("\n") };
}

/**
 * The search documents of new statements whose every row is in `rows` (an import batch that brings
 * them whole), computed in memory: exactly what `indexStatements` would read back from the database.
 */
export function statementDocuments(
  rows: { quotes: { statementId: string; text: string }[]; appearances: { statementId: string; evidence: { sentence: string } }[] },
  statements: { id: string; text: string }[],
): SearchDocument[] {
  const parts = new Map<string, Set<string>>(statements.map((statement) => [statement.id, new Set<string>()]));
  for (const quote of rows.quotes) parts.get(quote.statementId)?.add(quote.text);
  for (const appearance of rows.appearances) if (appearance.evidence.sentence) parts.get(appearance.statementId)?.add(appearance.evidence.sentence);
  return statements.map((statement) => document(statement, parts.get(statement.id)));
}

/**
 * Rebuilds the search documents of these statements from their rows (inside the write's transaction).
 * A retracted statement has none (it is no longer found), whatever is written about it.
 */
export async function indexStatements(manager: EntityManager, kind: Database["kind"], ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const found = await manager.getRepository(Statement).createQueryBuilder("s").where("s.id IN (:...ids)", { ids: chunk }).getMany();
    const statements = found.filter((statement) => statement.retractedAt === null);
    const retracted = found.filter((statement) => statement.retractedAt !== null).map((statement) => statement.id);
    const parts = new Map<string, Set<string>>(chunk.map((id) => [id, new Set<string>()]));
    const quotes = await manager.getRepository(Quote).createQueryBuilder("q").where("q.statementId IN (:...ids)", { ids: chunk }).getMany();
    for (const quote of quotes) parts.get(quote.statementId)?.add(quote.text);
    const appearances = await manager.getRepository(Appearance).createQueryBuilder("a").where("a.statementId IN (:...ids)", { ids: chunk }).getMany();
    for (const appearance of appearances) if (appearance.evidence.sentence) parts.get(appearance.statementId)?.add(appearance.evidence.sentence);
    await statementSearch.remove(manager, kind, retracted);
    await statementSearch.write(
      manager,
      kind,
      statements.map((statement) => document(statement, parts.get(statement.id))),
    );
  }
}
