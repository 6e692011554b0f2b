import type { DataSource } from "typeorm";

/**
 * Error codes that say the database itself cannot answer, whatever the query: SQLite's corrupt,
 * not-a-database, I/O, cannot-open and disk-full; PostgreSQL's connection exceptions (08), lack of
 * resources (53), shutdowns (57P01-57P03), system errors (58) and corruption (XX001, XX002); and the
 * network errors of a lost PostgreSQL connection. A bad statement or a constraint is not one of them.
 */
const DATABASE_FAILURE =
  /^(SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FULL)\w*|08\w{3}|53\w{3}|57P0[123]|58\w{3}|XX00[12]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE)$/;

/** The code of a database-level failure (`SQLITE_CORRUPT`, `57P01`...), or undefined for any other error. */
export function databaseFailureCode(error: unknown): string | undefined {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: unknown };
  if (typeof code === "string" && DATABASE_FAILURE.test(code)) return code;
  if (driverError !== undefined) return databaseFailureCode(driverError);
  // node-postgres says this without a code when the server goes away mid-query.
  if (error instanceof Error && /Connection terminated/i.test(error.message)) return "CONNECTION_TERMINATED";
  return undefined;
}

/**
 * Remembers the last database-level failure of any query, for `latchMs`: readiness answers "not
 * ready" while it is recent, even if the probe's own reads happen to succeed (a page the probe does
 * not touch, a connection that failed and came back).
 */
export class DatabaseFailureLatch {
  private last: { code: string; at: number } | undefined;

  constructor(
    private readonly latchMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called with every failed query's error (the TypeORM logger's `logQueryError`). */
  note(error: unknown): void {
    const code = databaseFailureCode(error);
    if (code) this.last = { code, at: this.now() };
  }

  /** Why the database is not to be trusted, or undefined when no failure is recent. No path, no SQL. */
  reason(): string | undefined {
    if (!this.last || this.now() - this.last.at > this.latchMs) return undefined;
    const seconds = Math.round((this.now() - this.last.at) / 1000);
    return `the database failed a query ${seconds} s ago (${this.last.code})`;
  }
}

/**
 * Resolves when the database can answer: no recent database-level failure, and one row read from
 * each entity table through its primary key (`LIMIT 1`: constant time whatever the table's size;
 * `SELECT 1` touches no table, so a corrupted file passed it). Rejects with a reason that names
 * neither a file nor a statement.
 */
export async function checkDatabase(dataSource: DataSource, latch: DatabaseFailureLatch): Promise<void> {
  const latched = latch.reason();
  if (latched) throw new Error(latched);
  const escape = (name: string) => dataSource.driver.escape(name);
  try {
    await Promise.all(
      dataSource.entityMetadatas.map((metadata) => {
        const key = metadata.primaryColumns[0]?.databaseName;
        return key ? dataSource.query(`SELECT ${escape(key)} FROM ${escape(metadata.tablePath)} LIMIT 1`) : undefined;
      }),
    );
  } catch (error) {
    throw new Error(`the database cannot answer a read (${databaseFailureCode(error) ?? "query failed"})`);
  }
}
