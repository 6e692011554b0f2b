import DataLoader from "dataloader";
import { type FindOptionsOrder, type FindOptionsWhere, In, type ObjectLiteral, type Repository } from "typeorm";
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
 * Loads rows by primary key: one `WHERE id IN (...)` per batch, answered in key order, with `null`
 * for an id that does not exist (an unknown entity resolves to null, not an error).
 */
export function rowsById<T extends ObjectLiteral & { id: string }>(repository: Repository<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    tracedBatch(`${repository.metadata.name}.id`, async (ids) => {
      const rows = await repository.find({ where: { id: In([...ids]) } as FindOptionsWhere<T> });
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
  return new DataLoader<string, T[]>(
    tracedBatch(`${repository.metadata.name}.${column}`, async (keys) => {
      const rows = await repository.find({ where: { [column]: In([...keys]) } as FindOptionsWhere<T>, order });
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(String(row[column]))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    }),
    { maxBatchSize: MAX_BATCH },
  );
}
