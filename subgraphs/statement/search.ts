import type { EntityManager } from "typeorm";
import type { Database } from "../lib/data-source";
import { SearchIndex } from "../lib/search-index";
import { Appearance, Quote, Statement } from "./statement";

/** The full-text index of statements: their text, quotes and the sentences they appear in. */
export const statementSearch = new SearchIndex("statement_search");

/** Rebuilds the search documents of these statements from their rows (inside the import transaction). */
export async function indexStatements(manager: EntityManager, kind: Database["kind"], ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const statements = await manager.getRepository(Statement).createQueryBuilder("s").where("s.id IN (:...ids)", { ids: chunk }).getMany();
    const parts = new Map<string, Set<string>>(chunk.map((id) => [id, new Set<string>()]));
    const quotes = await manager.getRepository(Quote).createQueryBuilder("q").where("q.statementId IN (:...ids)", { ids: chunk }).getMany();
    for (const quote of quotes) parts.get(quote.statementId)?.add(quote.text);
    const appearances = await manager.getRepository(Appearance).createQueryBuilder("a").where("a.statementId IN (:...ids)", { ids: chunk }).getMany();
    for (const appearance of appearances) if (appearance.evidence.sentence) parts.get(appearance.statementId)?.add(appearance.evidence.sentence);
    await statementSearch.write(
      manager,
      kind,
      statements.map((statement) => ({ id: statement.id, text: [statement.text, ...(parts.get(statement.id) ?? [])].join("\n") })),
    );
  }
}
