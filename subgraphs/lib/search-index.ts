import type { EntityManager, MigrationInterface, QueryRunner } from "typeorm";
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
 * search (a tsvector column with a GIN index, keyed by the entity id) ranked by ts_rank_cd. Documents
 * are written by the import path in the same transaction as the rows they describe. The subgraph's
 * migrations create the tables (FTS5 virtual table and its key table; or table, generated tsvector
 * column and GIN index).
 */
export class SearchIndex {
  /**
   * `table`: the index; `entityTable`: the table of the indexed entities. On SQLite a document's FTS5
   * rowid is the `docid` its entity id has in `<table>_key` (an INTEGER PRIMARY KEY, given once and
   * kept), so replacing or removing the documents of some ids is an indexed lookup (FTS5 cannot index
   * its `id` column: a `WHERE id IN (...)` reads the whole index, which made every import batch slower
   * than the one before). Not the entity row's own rowid: SQLite keeps the rowids of a table without
   * an INTEGER PRIMARY KEY through VACUUM only as it happens to, not as it promises, and a dump
   * restored or a table rebuilt by a migration renumbers them.
   */
  constructor(
    readonly table: string,
    readonly entityTable: string,
  ) {}

  /** The SQLite table that gives each entity id its document's FTS5 rowid. */
  get keyTable(): string {
    return `${this.table}_key`;
  }

  /** Replaces the documents of these ids. */
  async write(manager: EntityManager, kind: Database["kind"], documents: SearchDocument[]): Promise<void> {
    if (kind === "sqlite") {
      // Documents as one JSON text per statement (see `upsertRows`): few statements per import batch.
      for (let start = 0; start < documents.length; start += 5000) {
        const chunk = JSON.stringify(documents.slice(start, start + 5000).map((doc) => [doc.id, doc.text]));
        // A document only for an entity that has a row; its id keeps the docid it was given first.
        await manager.query(
          `INSERT OR IGNORE INTO "${this.keyTable}" (id) SELECT e.id FROM json_each(?) v JOIN "${this.entityTable}" e ON e.id = v.value ->> 0`,
          [chunk],
        );
        await manager.query(`DELETE FROM ${this.table} WHERE rowid IN (SELECT k.docid FROM json_each(?) v JOIN "${this.keyTable}" k ON k.id = v.value ->> 0)`, [
          chunk,
        ]);
        await manager.query(
          `INSERT INTO ${this.table} (rowid, id, body) SELECT k.docid, v.value ->> 0, v.value ->> 1 FROM json_each(?) v JOIN "${this.keyTable}" k ON k.id = v.value ->> 0`,
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
      await manager.query(`DELETE FROM ${this.table} WHERE rowid IN (SELECT docid FROM "${this.keyTable}" WHERE id IN (${placeholders}))`, ids);
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
   * all matches: on SQLite the matching rowids read from the index alone, each turned into its id by
   * the key table's primary key (reading each matching document for its id cost three times as much
   * on a count of 100,000 matches).
   */
  matching(kind: Database["kind"], alias: string, terms: string[]): { sql: string; parameters: Record<string, string> } {
    const { sql, parameters } = this.matchingKeys(kind, terms);
    return {
      sql: kind === "sqlite" ? `${alias}.id IN (SELECT k.id FROM "${this.keyTable}" k WHERE k.docid IN (${sql}))` : `${alias}.id IN (${sql})`,
      parameters,
    };
  }

  /**
   * SQLite only: a condition true when the row of `entityTable` aliased `alias` matches `terms`, tested
   * for that row alone (its docid found by the key table's unique id, then its document by rowid, a
   * seek in each term's list of documents), with the same parameter as `matching`. A page walked in
   * list order stops after a page of rows, where `matching` would first collect every match.
   */
  matchesRow(alias: string, terms: string[]): { sql: string; parameters: Record<string, string> } {
    const { parameters } = this.matchingKeys("sqlite", terms);
    return {
      sql: `EXISTS (SELECT 1 FROM ${this.table} WHERE ${this.table}.rowid = (SELECT k.docid FROM "${this.keyTable}" k WHERE k.id = ${alias}.id) AND ${this.table} MATCH :searchQuery)`,
      parameters,
    };
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

/**
 * The migration (SQLite; named `name`) that gives each document of `index` a docid of its own in its
 * key table instead of sharing its entity row's rowid. The documents keep their rowids, so the index
 * is not rewritten; where a document's rowid had left its row's (rows renumbered), the one at the
 * row's rowid (the last written) is kept and any other of the same id removed.
 */
export function searchKeyMigration(name: string, index: SearchIndex): new () => MigrationInterface {
  const { table, entityTable, keyTable } = index;
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`CREATE TABLE "${keyTable}" ("docid" integer PRIMARY KEY NOT NULL, "id" varchar(64) NOT NULL UNIQUE)`);
      await queryRunner.query(
        `INSERT INTO "${keyTable}" (docid, id) SELECT COALESCE(MAX(CASE WHEN e.rowid = s.rowid THEN s.rowid END), MAX(s.rowid)), s.id FROM "${table}" s JOIN "${entityTable}" e ON e.id = s.id GROUP BY s.id`,
      );
      await queryRunner.query(`DELETE FROM "${table}" WHERE rowid NOT IN (SELECT docid FROM "${keyTable}")`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE "${keyTable}"`);
    }
  };
}
