import "reflect-metadata";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { DataSource, type Logger as TypeOrmLogger } from "typeorm";
import { DatabaseFailureLatch } from "./database-health";
import { LruMap } from "./lru";
import type { SchemaMigrations } from "./migrations";
import { traceSqlStatements } from "./sql-spans";

/**
 * Counts the SQL statements a data source runs. Tests and the benchmark read `count` before and
 * after a request to prove that batching keeps it flat as result sizes grow. Failed statements go to
 * the failure latch that readiness reads.
 */
export class SqlCounter implements TypeOrmLogger {
  constructor(private readonly failures?: DatabaseFailureLatch) {}

  /** Statements since the last reset (tests reset it around one request). */
  count = 0;
  /** Statements since the database was opened (never reset; served on /metrics). */
  total = 0;
  /** Keep the statements in `recorded` while true. */
  record = false;

  /** The statements with their parameters, kept only while `record` is true (for query-plan checks). */
  recorded: { query: string; parameters: unknown[] }[] = [];

  logQuery(query: string, parameters?: unknown[]): void {
    this.count += 1;
    this.total += 1;
    if (this.record) {
      this.recorded.push({ query, parameters: parameters ?? [] });
    }
  }
  logQueryError(error: string | Error): void {
    this.failures?.note(error);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/** Prepared statements a SQLite connection keeps (the loaders' few shapes, times their batch sizes). */
const STATEMENT_CACHE_SIZE = 256;

type RowsCallback = (this: sqlite3.Statement, err: Error | null, rows: unknown[]) => void;

/**
 * A subgraph's SQLite connection, as TypeORM's sqlite driver drives it (`Database#all` for every
 * statement but INSERT/UPDATE/DELETE), with two changes:
 * - Each SELECT is prepared once and reused, as any `better-sqlite3` user would: `all` compiles the
 *   SQL on every call, which costs as much CPU as running a loader's indexed lookup. Only SELECTs are
 *   kept: `all` steps them to the end, which ends their read transaction, so a kept statement never
 *   holds an old snapshot (node-sqlite3 resets it before its next run). Least recently used first out;
 *   a statement that fails is dropped, never reused.
 * - Every transaction takes the write lock when it begins (`BEGIN IMMEDIATE`), waiting out another
 *   process's writer for the busy timeout: every transaction here writes (`inWriteTransaction`,
 *   migrations). A deferred BEGIN took the lock at the first write, and a read run first on this one
 *   connection (the import checking its next batch) made that write an upgrade, which SQLite refuses
 *   at once (SQLITE_BUSY) when another process has committed since the read.
 */
class SubgraphSqliteDatabase extends sqlite3.Database {
  private readonly statements = new LruMap<sqlite3.Statement>(STATEMENT_CACHE_SIZE, (_sql, statement) => statement.finalize(() => undefined));

  override all(sql: string, ...rest: unknown[]): this {
    if (sql === "BEGIN TRANSACTION") return super.all("BEGIN IMMEDIATE TRANSACTION", ...rest);
    const [params, callback] = rest as [unknown[] | undefined, RowsCallback | undefined];
    if (rest.length !== 2 || typeof callback !== "function" || !/^\s*SELECT\b/i.test(sql)) return super.all(sql, ...rest);
    // The caller hears once: from the run, or from a failed prepare (node-sqlite3 then drops the queued run).
    let answered = false;
    const answer = function (this: sqlite3.Statement, err: Error | null, rows: unknown[]) {
      if (answered) return;
      answered = true;
      callback.call(this, err, rows);
    };
    const kept = this.statements.get(sql);
    const drop = () => this.forget(sql, statement);
    const statement =
      kept ??
      this.prepare(sql, function (this: sqlite3.Statement, err: Error | null) {
        if (!err) return;
        drop();
        answer.call(this, err, []);
      });
    if (!kept) this.statements.set(sql, statement);
    statement.all(params ?? [], function (this: sqlite3.Statement, err: Error | null, rows: unknown[]) {
      if (err) drop();
      answer.call(this, err, rows);
    });
    return this;
  }

  override close(callback?: (err: Error | null) => void): void {
    for (const sql of [...this.statements.keys()]) this.forget(sql);
    super.close(callback);
  }

  /** Forgets the statement kept for `sql` (only if it is still `which`); node-sqlite3 finalizes it once its queued runs are done. */
  private forget(sql: string, which?: sqlite3.Statement): void {
    const held = this.statements.get(sql);
    if (held && (!which || held === which)) this.statements.delete(sql);
    (which ?? held)?.finalize(() => undefined);
  }
}

/**
 * The sqlite3 module as TypeORM should see it: connections that keep their prepared SELECTs, and a
 * `verbose()` that changes nothing (TypeORM calls `sqlite3.verbose()`, which makes every database call
 * capture a stack trace in node-sqlite3's trace.js: measurable on every query under load).
 */
const quietSqlite3 = { ...sqlite3, Database: SubgraphSqliteDatabase, verbose: () => quietSqlite3 } as unknown as typeof sqlite3;

/** What `createDataSource` needs: which entities, and where the data lives. */
export interface DataSourceOptions {
  /** The subgraph's name: the SQLite file is `<dataDir>/<name>.sqlite`. */
  name: string;
  entities: Function[];
  /** A `postgres://` URL, or undefined for the embedded SQLite default. */
  databaseUrl?: string;
  /** Folder of the SQLite files; `:memory:` keeps the database in memory. */
  dataDir: string;
  /** The subgraph's migrations; the set for this database's kind is registered (run them with `migrateOnStart`). */
  migrations?: SchemaMigrations;
  /** Let TypeORM build the tables from the entities instead (only tests ask, to compare with the migrations). */
  synchronize?: boolean;
}

/** A connected database with its SQL counter. */
export interface Database {
  dataSource: DataSource;
  sql: SqlCounter;
  kind: "sqlite" | "postgres";
  /** Recent database-level failures of any query (read by readiness). */
  failures: DatabaseFailureLatch;
}

/**
 * Opens one subgraph's database: a SQLite file by default, PostgreSQL when a URL is given. The same
 * entity classes serve both; the schema comes from the migrations of that kind (see `migrations.ts`).
 */
export async function createDataSource(options: DataSourceOptions): Promise<Database> {
  const failures = new DatabaseFailureLatch();
  const sql = new SqlCounter(failures);
  const migrations = options.migrations?.[options.databaseUrl ? "postgres" : "sqlite"] ?? [];
  const common = { entities: options.entities, migrations, synchronize: options.synchronize ?? false, logger: sql, logging: true } as const;
  let dataSource: DataSource;
  if (options.databaseUrl) {
    dataSource = new DataSource({ type: "postgres", url: options.databaseUrl, ...common });
  } else {
    let database = ":memory:";
    if (options.dataDir !== ":memory:") {
      mkdirSync(options.dataDir, { recursive: true });
      database = join(options.dataDir, `${options.name}.sqlite`);
    }
    dataSource = new DataSource({ type: "sqlite", database, driver: quietSqlite3, enableWAL: true, busyTimeout: 5000, ...common });
  }
  // WAL lets readers proceed while the single writer commits; the busy timeout waits out a lock
  // instead of failing with SQLITE_BUSY (both set by TypeORM's enableWAL/busyTimeout on SQLite).
  await dataSource.initialize();
  const kind = options.databaseUrl ? "postgres" : "sqlite";
  traceSqlStatements(dataSource, kind === "postgres" ? "postgresql" : "sqlite");
  sql.count = 0;
  return { dataSource, sql, kind, failures };
}

/**
 * Runs raw SQL with named parameters (`:name`, `:...list`) on either database: TypeORM turns them
 * into SQLite's `?` or PostgreSQL's `$1` placeholders.
 */
export async function queryNamed<Row>(db: Database, sql: string, parameters: Record<string, unknown>): Promise<Row[]> {
  const [query, values] = db.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
  return (await db.dataSource.query(query, values)) as Row[];
}
