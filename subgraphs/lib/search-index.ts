import type { EntityManager } from "typeorm";
import type { Database } from "./data-source";
import { foldName } from "./names";

/**
 * How many rows `sql` (with TypeORM's `:named` parameters) selects, counting no further than `cap`:
 * a cost bounded by `cap` however large the set, for choosing how to query it.
 */
export async function countUpTo(db: Database, sql: string, parameters: Record<string, unknown>, cap: number): Promise<number> {
  const limit = Math.max(0, Math.floor(cap));
  const [query, values] = db.dataSource.driver.escapeQueryWithParameters(`SELECT COUNT(*) AS n FROM (${sql} LIMIT ${limit}) bounded`, parameters, {});
  const [row] = (await db.dataSource.query(query, values)) as { n: number | string }[];
  return Number(row?.n ?? 0);
}

/** One searchable document: an entity id and the text to index for it. */
export interface SearchDocument {
  id: string;
  text: string;
}

/** A ranked match. `score`: higher is better. `snippet`: the matching passage, terms in [brackets]. */
export interface SearchHit {
  id: string;
  score: number;
  snippet: string;
}

/**
 * Words of a user's search, safe for both engines: FTS5's query syntax and PostgreSQL's tsquery
 * never see the raw input (a stray quote or `NEAR(` would be a syntax error, not a search).
 */
export function searchTerms(query: string): string[] {
  return foldName(query)
    .split(" ")
    .filter((word) => word.length > 1)
    .slice(0, 16);
}

/**
 * A full-text index over one kind of entity: SQLite FTS5 ranked by bm25, or PostgreSQL full-text
 * search (a tsvector column with a GIN index) ranked by ts_rank_cd. Documents are written by the
 * import path in the same transaction as the rows they describe. The subgraph's migrations create the
 * table (FTS5 virtual table; or table, generated tsvector column and GIN index).
 */
export class SearchIndex {
  /**
   * `table`: the index; `entityTable`: the table of the indexed entities. On SQLite a document's FTS5
   * rowid is its entity row's rowid, so replacing or removing the documents of some ids is an indexed
   * lookup (FTS5 cannot index its `id` column: a `WHERE id IN (...)` reads the whole index, which made
   * every import batch slower than the one before).
   */
  constructor(
    private readonly table: string,
    private readonly entityTable: string,
  ) {}

  /** Replaces the documents of these ids. */
  async write(manager: EntityManager, kind: Database["kind"], documents: SearchDocument[]): Promise<void> {
    if (kind === "sqlite") {
      // Documents as one JSON text per statement (see `upsertRows`): few statements per import batch.
      for (let start = 0; start < documents.length; start += 5000) {
        const chunk = JSON.stringify(documents.slice(start, start + 5000).map((doc) => [doc.id, doc.text]));
        await manager.query(
          `DELETE FROM ${this.table} WHERE rowid IN (SELECT e.rowid FROM json_each(?) v JOIN "${this.entityTable}" e ON e.id = v.value ->> 0)`,
          [chunk],
        );
        await manager.query(
          `INSERT INTO ${this.table} (rowid, id, body) SELECT e.rowid, v.value ->> 0, v.value ->> 1 FROM json_each(?) v JOIN "${this.entityTable}" e ON e.id = v.value ->> 0`,
          [chunk],
        );
      }
      return;
    }
    for (let start = 0; start < documents.length; start += 400) {
      const chunk = documents.slice(start, start + 400);
      const values = chunk.flatMap((doc) => [doc.id, doc.text]);
      const rows = chunk.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(",");
      await manager.query(`INSERT INTO ${this.table} (id, body) VALUES ${rows} ON CONFLICT (id) DO UPDATE SET body = excluded.body`, values);
    }
  }

  /** Removes the documents of these ids (a retracted record is no longer found). */
  async remove(manager: EntityManager, kind: Database["kind"], ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const placeholders = ids.map((_, i) => (kind === "sqlite" ? "?" : `$${i + 1}`)).join(",");
    if (kind === "sqlite") {
      await manager.query(`DELETE FROM ${this.table} WHERE rowid IN (SELECT rowid FROM "${this.entityTable}" WHERE id IN (${placeholders}))`, ids);
    } else {
      await manager.query(`DELETE FROM ${this.table} WHERE id IN (${placeholders})`, ids);
    }
  }

  /**
   * SQL that selects the keys of the documents matching `terms` (all of them): on SQLite their rowids,
   * read from the index alone (an id would be read from each stored document), on PostgreSQL their
   * ids; with its parameter named `:searchQuery` for TypeORM's query builder.
   */
  matchingKeys(kind: Database["kind"], terms: string[]): { sql: string; parameters: Record<string, string> } {
    if (kind === "sqlite") {
      return {
        sql: `SELECT rowid FROM ${this.table} WHERE ${this.table} MATCH :searchQuery`,
        parameters: { searchQuery: terms.map((t) => `"${t}"`).join(" ") },
      };
    }
    return { sql: `SELECT id FROM ${this.table} WHERE tsv @@ plainto_tsquery('english', :searchQuery)`, parameters: { searchQuery: terms.join(" ") } };
  }

  /**
   * A condition true when the row of `entityTable` aliased `alias` matches `terms`, through the set of
   * all matches: on SQLite by rowid (the document's rowid is its row's), which spares a read of each
   * matching document and a lookup of its id: a count of 100,000 matches took a third of the time.
   */
  matching(kind: Database["kind"], alias: string, terms: string[]): { sql: string; parameters: Record<string, string> } {
    const { sql, parameters } = this.matchingKeys(kind, terms);
    return { sql: kind === "sqlite" ? `${alias}.rowid IN (${sql})` : `${alias}.id IN (${sql})`, parameters };
  }

  /**
   * SQLite only: a condition true when the row of `entityTable` aliased `alias` matches `terms`, tested
   * for that row alone (its document is found by rowid, a seek in each term's list of documents),
   * with the same parameter as `matching`. A page walked in list order stops after a page of rows,
   * where `matching` would first collect every match.
   */
  matchesRow(alias: string, terms: string[]): { sql: string; parameters: Record<string, string> } {
    const { parameters } = this.matchingKeys("sqlite", terms);
    return { sql: `EXISTS (SELECT 1 FROM ${this.table} WHERE ${this.table}.rowid = ${alias}.rowid AND ${this.table} MATCH :searchQuery)`, parameters };
  }

  /** How many documents match all `terms`, counting no further than `cap` (a bounded cost for deciding how to search). */
  countUpTo(db: Database, terms: string[], cap: number): Promise<number> {
    const { sql, parameters } = this.matchingKeys(db.kind, terms);
    return countUpTo(db, sql, parameters, cap);
  }

  /** Ranked matches, best first (ties by id), `limit` of them after skipping `offset`. */
  async search(db: Database, terms: string[], limit: number, offset: number): Promise<SearchHit[]> {
    if (terms.length === 0) return [];
    if (db.kind === "sqlite") {
      const rows: { id: string; score: number; snippet: string }[] = await db.dataSource.query(
        `SELECT id, -bm25(${this.table}) AS score, snippet(${this.table}, 1, '[', ']', '…', 16) AS snippet
           FROM ${this.table} WHERE ${this.table} MATCH ? ORDER BY score DESC, id ASC LIMIT ? OFFSET ?`,
        [terms.map((t) => `"${t}"`).join(" "), limit, offset],
      );
      return rows.map((row) => ({ id: row.id, score: Number(row.score), snippet: row.snippet }));
    }
    const rows: { id: string; score: number; snippet: string }[] = await db.dataSource.query(
      `SELECT id, ts_rank_cd(tsv, q) AS score,
              ts_headline('english', body, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
         FROM ${this.table}, plainto_tsquery('english', $1) q WHERE tsv @@ q ORDER BY score DESC, id ASC LIMIT $2 OFFSET $3`,
      [terms.join(" "), limit, offset],
    );
    return rows.map((row) => ({ id: row.id, score: Number(row.score), snippet: row.snippet }));
  }

  /** How many documents match all `terms`. */
  async count(db: Database, terms: string[]): Promise<number> {
    if (terms.length === 0) return 0;
    const { sql, parameters } = this.matchingKeys(db.kind, terms);
    const [query, values] = db.dataSource.driver.escapeQueryWithParameters(`SELECT COUNT(*) AS n FROM (${sql}) matches`, parameters, {});
    const [row] = (await db.dataSource.query(query, values)) as { n: number | string }[];
    return Number(row?.n ?? 0);
  }
}
