import type { DataSource, QueryRunner, ReplicationMode } from "typeorm";
import { inSpan } from "./tracing";

/** Longest statement text kept on a span (`db.statement`): enough to recognise it, never a bulk insert. */
const MAX_STATEMENT = 1000;

/** `SELECT incident`, `INSERT actor_alias`: the operation and the first table, for the span's name. */
function spanName(sql: string): string {
  const operation = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? "SQL";
  const table = /\b(?:FROM|INTO|UPDATE|JOIN)\s+["`]?(\w+)/i.exec(sql)?.[1];
  return table ? `${operation} ${table}` : operation;
}

/**
 * Makes every statement a data source runs a span (`db.system`, `db.statement` truncated, no
 * parameters) under the active span, when the request is traced. TypeORM's logger hook (`logQuery`)
 * is called before the statement runs and never after, so it cannot time it: the query runners'
 * `query` is wrapped instead. Work outside a traced request (seeding, health checks) makes no span.
 */
export function traceSqlStatements(dataSource: DataSource, system: "sqlite" | "postgresql"): void {
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  const wrapped = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode: ReplicationMode) => {
    const runner = createQueryRunner(mode);
    if (wrapped.has(runner)) return runner;
    wrapped.add(runner);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      inSpan(spanName(sql), { "db.system": system, "db.statement": sql.slice(0, MAX_STATEMENT) }, () =>
        query(sql, parameters, structured),
      )) as QueryRunner["query"];
    return runner;
  };
}
