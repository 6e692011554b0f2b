import DataLoader from "dataloader";
import type { FindOptionsOrder, ObjectLiteral, Repository } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import { inSpan } from "./tracing";

/**
 * The largest batch one SQL statement carries. Far below SQLite's 32,766 and PostgreSQL's 65,535
 * bound parameters; a larger request becomes ceil(n / MAX_BATCH) statements, still not n.
 */
export const MAX_BATCH = 5000;

/**
 * A DataLoader batch function that runs in a span of its own (`dataloader <name>`, with the number
 * of keys) when the request is traced: one span per batch, the SQL it runs beneath it.
 */
export function tracedBatch<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): (keys: readonly K[]) => Promise<V[]> {
  return (keys) => inSpan(`dataloader ${name}`, { "dataloader.batch.size": keys.length }, () => batch(keys));
}

/**
 * Whole rows of one entity by one column, in one plain `SELECT ... WHERE column IN (...)`, hydrated
 * as TypeORM's `find` hydrates them (the driver's value conversion, embedded columns, an instance
 * of the entity class) but without building the query through its query builder and find-options
 * machinery on every batch: that was ~12% of a subgraph's CPU in a profile of the bench. The SQL
 * text is built once per column, order and batch size.
 */
class RowReader<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  private readonly select: string;
  private readonly statements = new Map<string, string>();

  constructor(private readonly repository: Repository<T>) {
    const { metadata } = repository;
    const driver = repository.manager.connection.driver;
    // As `find` does: every real column (not the virtual ones relations add), no inheritance here.
    this.columns = metadata.columns.filter((column) => !column.isVirtual && column.isSelect);
    this.select = `SELECT ${this.columns.map((column) => driver.escape(column.databaseName)).join(", ")} FROM ${driver.escape(metadata.tableName)}`;
  }

  private statement(property: string, order: FindOptionsOrder<T> | undefined, count: number): string {
    const key = `${property} ${JSON.stringify(order ?? {})} ${count}`;
    let sql = this.statements.get(key);
    if (!sql) {
      const { metadata } = this.repository;
      const driver = this.repository.manager.connection.driver;
      const name = (path: string) => {
        const column = metadata.findColumnWithPropertyPath(path);
        if (!column) throw new Error(`${metadata.name} has no column ${path}`);
        return driver.escape(column.databaseName);
      };
      const postgres = driver.options.type === "postgres";
      const placeholders = Array.from({ length: count }, (_, index) => (postgres ? `$${index + 1}` : "?")).join(", ");
      const sorted = Object.entries(order ?? {}).map(([path, direction]) => `${name(path)} ${String(direction).toUpperCase() === "DESC" ? "DESC" : "ASC"}`);
      sql = `${this.select} WHERE ${name(property)} IN (${placeholders})${sorted.length ? ` ORDER BY ${sorted.join(", ")}` : ""}`;
      this.statements.set(key, sql);
    }
    return sql;
  }

  /** The rows whose `property` is one of `keys`, in `order`. */
  async where(property: string, keys: readonly string[], order?: FindOptionsOrder<T>): Promise<T[]> {
    const { metadata, manager } = this.repository;
    const driver = manager.connection.driver;
    const raw = (await manager.query(this.statement(property, order, keys.length), [...keys])) as Record<string, unknown>[];
    return raw.map((row) => {
      const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
      for (const column of this.columns) {
        const value = row[column.databaseName];
        if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
      }
      return entity;
    });
  }
}

/** One reader per entity of a data source: loaders are made per request, their SQL texts are not. */
const readers = new WeakMap<object, unknown>();

function readerOf<T extends ObjectLiteral>(repository: Repository<T>): RowReader<T> {
  let reader = readers.get(repository.metadata) as RowReader<T> | undefined;
  if (!reader) readers.set(repository.metadata, (reader = new RowReader(repository)));
  return reader;
}

/**
 * Loads rows by primary key: one `WHERE id IN (...)` per batch, answered in key order, with `null`
 * for an id that does not exist (an unknown entity resolves to null, not an error).
 */
export function rowsById<T extends ObjectLiteral & { id: string }>(repository: Repository<T>): DataLoader<string, T | null> {
  const reader = readerOf(repository);
  return new DataLoader<string, T | null>(
    tracedBatch(`${repository.metadata.name}.id`, async (ids) => {
      const rows = await reader.where("id", ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    { maxBatchSize: MAX_BATCH },
  );
}

/**
 * Loads the rows that point at each key through `column` (one-to-many): one grouped
 * `WHERE column IN (...)` per batch, each key answered with its rows in `order`.
 */
export function rowsByColumn<T extends ObjectLiteral, K extends keyof T & string>(
  repository: Repository<T>,
  column: K,
  order?: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  const reader = readerOf(repository);
  return new DataLoader<string, T[]>(
    tracedBatch(`${repository.metadata.name}.${column}`, async (keys) => {
      const rows = await reader.where(column, keys, order);
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(String(row[column]))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    }),
    { maxBatchSize: MAX_BATCH },
  );
}
