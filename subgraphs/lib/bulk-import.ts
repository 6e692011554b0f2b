import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import type { Database } from "./data-source";
import { ImportBatchRecord } from "./import-ledger";
import { inWriteTransaction } from "./writes";

// The one write path for bulk data: the seed and every import (direct, or through a subgraph's
// import mutation) write through here. A batch is one transaction per database: its rows, written
// with multi-row `INSERT ... ON CONFLICT (pk) DO UPDATE` statements, the derived data (search
// documents, name keys) computed from the batch itself, and the ledger row that lets a killed import
// resume where it stopped. So whatever a reader sees, and whatever a crash leaves, is a set of whole
// batches with their derived data.

/** Rows for one entity, in the order they must be written (parents before children). */
export interface ImportBatch {
  entity: EntityTarget<ObjectLiteral>;
  rows: ObjectLiteral[];
}

/** SQLite binds at most 32766 values per statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32); PostgreSQL 65535. */
const MAX_BOUND_VALUES = { sqlite: 32_000, postgres: 65_000 } as const;
/** PostgreSQL: more rows than this per statement gain nothing and make each statement's SQL long to parse. */
const MAX_ROWS_PER_STATEMENT = 1000;
/** SQLite: rows per statement (one JSON text each; bounded so that one text stays a few megabytes). */
const SQLITE_ROWS_PER_STATEMENT = 5000;

/** How one column is read from an import row and bound. */
interface ColumnWriter {
  name: string;
  /** The property path (`evidence.sourceId` for an embedded column). */
  path: string[];
  /** Bound when the row has no value: the column's default, else null. */
  fallback: unknown;
  primary: boolean;
}

const writers = new WeakMap<EntityMetadata, ColumnWriter[]>();

function fallbackOf(column: ColumnMetadata): unknown {
  const value = column.default;
  return value === undefined || typeof value === "function" ? null : value;
}

/** The columns of an entity as the bulk writer binds them (cached per entity). */
function columnWriters(metadata: EntityMetadata): ColumnWriter[] {
  let cached = writers.get(metadata);
  if (!cached) {
    cached = metadata.columns
      .filter((column) => !column.isVirtual && !column.isGenerated)
      .map((column) => ({ name: column.databaseName, path: column.propertyPath.split("."), fallback: fallbackOf(column), primary: column.isPrimary }));
    writers.set(metadata, cached);
  }
  return cached;
}

function read(row: ObjectLiteral, path: string[]): unknown {
  let value: unknown = row;
  for (const key of path) {
    if (value === null || value === undefined) return undefined;
    value = (value as ObjectLiteral)[key];
  }
  return value;
}

/**
 * The rows with one row per primary key: a later row replaces an earlier one with the same key, in the
 * earlier one's place (the order an `ON CONFLICT DO UPDATE` of both would leave, and PostgreSQL refuses
 * a statement that updates the same row twice).
 */
function lastPerKey(rows: ObjectLiteral[], keyColumns: ColumnWriter[]): ObjectLiteral[] {
  const byKey = new Map<string, number>();
  const out: ObjectLiteral[] = [];
  for (const row of rows) {
    const key = keyColumns.length === 1 ? String(read(row, keyColumns[0].path)) : keyColumns.map((column) => String(read(row, column.path))).join("\u0000");
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push(row);
    } else out[at] = row;
  }
  return out;
}

function quote(name: string): string {
  return `"${name}"`;
}

/**
 * Inserts rows, or replaces the row with the same primary key, with multi-row statements as large as
 * the engine's bound-value limit allows. Columns no row gives a value for are left out: new rows get
 * the column's default and existing rows keep theirs (a re-import does not undo a retraction); a
 * column some rows give gets the default (or null) on the rows that leave it out.
 */
export async function upsertRows(manager: EntityManager, kind: Database["kind"], entity: EntityTarget<ObjectLiteral>, input: ObjectLiteral[]): Promise<number> {
  if (input.length === 0) return 0;
  const metadata = manager.connection.getMetadata(entity);
  const all = columnWriters(metadata);
  const keys = all.filter((column) => column.primary);
  const rows = lastPerKey(input, keys);
  const columns = all.filter((column) => column.primary || rows.some((row) => read(row, column.path) !== undefined));
  const updated = columns.filter((column) => !column.primary);
  // A row that is already stored as given is left alone, `updatedAt` included: a re-import changes
  // nothing, and a syncing client (`updatedSince`) is not sent rows that did not change.
  const compared = updated.filter((column) => column.name !== "updatedAt");
  const differs = (column: ColumnWriter) =>
    `${quote(metadata.tablePath)}.${quote(column.name)} ${kind === "sqlite" ? "IS NOT" : "IS DISTINCT FROM"} excluded.${quote(column.name)}`;
  const onConflict = updated.length
    ? `ON CONFLICT (${keys.map((column) => quote(column.name)).join(", ")}) DO UPDATE SET ${updated.map((column) => `${quote(column.name)} = excluded.${quote(column.name)}`).join(", ")}${compared.length ? ` WHERE ${compared.map(differs).join(" OR ")}` : ""}`
    : "ON CONFLICT DO NOTHING";
  const into = `INSERT INTO ${quote(metadata.tablePath)} (${columns.map((column) => quote(column.name)).join(", ")})`;
  const width = columns.length;
  const tuple = (row: ObjectLiteral): unknown[] => {
    const values: unknown[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const value = read(row, columns[c].path);
      values[c] = value === undefined ? columns[c].fallback : value;
    }
    return values;
  };
  if (kind === "sqlite") {
    // One bound value per statement: the rows as one JSON array of arrays, unpacked by SQLite's
    // json_each. Binding thousands of values one by one (node-sqlite3 copies each) and compiling a
    // multi-row VALUES list cost more than writing the rows; this statement's text never changes.
    const select = columns.map((_, c) => `value ->> ${c}`).join(", ");
    const sql = `${into} SELECT ${select} FROM json_each(?) WHERE true ${onConflict}`;
    for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_STATEMENT) {
      await manager.query(sql, [JSON.stringify(rows.slice(start, start + SQLITE_ROWS_PER_STATEMENT).map(tuple))]);
    }
    return rows.length;
  }
  const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_BOUND_VALUES.postgres / width)));
  let placeholders = "";
  let placeholdersFor = -1;
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    if (placeholdersFor !== chunk.length) {
      placeholders = valuesList(chunk.length, width);
      placeholdersFor = chunk.length;
    }
    await manager.query(`${into} VALUES ${placeholders} ${onConflict}`, chunk.flatMap(tuple));
  }
  return rows.length;
}

/** `($1, $2), ($3, $4)`: PostgreSQL's placeholders for `rows` rows of `width` values. */
function valuesList(rows: number, width: number): string {
  const parts: string[] = new Array(rows);
  for (let r = 0; r < rows; r++) parts[r] = `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`;
  return parts.join(", ");
}

/**
 * A question about rows already stored: which values of `select` the rows of `table` whose `where`
 * column is one of `ids` hold (`SELECT incidentId FROM participation WHERE id IN (...)`).
 */
export interface OwnerProbe {
  table: string;
  select: string;
  where: string;
  ids: string[];
}

/**
 * The owners (incidents, statements, actors...) that rows outside a batch already belong to: their
 * derived data (search documents, name keys) is rebuilt from the database after the batch's rows
 * are written; every other owner's is computed from the batch alone. Ask for the owners' own rows
 * (`incident.id`), the rows that point at them (`participation.incidentId`), and the owners the
 * batch's rows had before it moves them (`participation.id` → `incidentId`).
 */
export async function existingOwners(manager: EntityManager, kind: Database["kind"], probes: OwnerProbe[]): Promise<Set<string>> {
  const found = new Set<string>();
  const perQuery = MAX_BOUND_VALUES[kind] / 2;
  for (const { table, select, where, ids } of probes) {
    for (let start = 0; start < ids.length; start += perQuery) {
      const chunk = ids.slice(start, start + perQuery);
      const marks = chunk.map((_, i) => (kind === "sqlite" ? "?" : `$${i + 1}`)).join(", ");
      const rows: { owner: string }[] = await manager.query(
        `SELECT DISTINCT ${quote(select)} AS owner FROM ${quote(table)} WHERE ${quote(where)} IN (${marks})`,
        chunk,
      );
      for (const row of rows) found.add(row.owner);
    }
  }
  return found;
}

/** The rows with one row per `id`, the last given winning, in the first one's place (as `upsertRows` writes them). */
export function lastById<Row extends { id: string }>(rows: Row[] | undefined): Row[] {
  if (!rows || rows.length === 0) return [];
  const at = new Map<string, number>();
  const out: Row[] = [];
  for (const row of rows) {
    const index = at.get(row.id);
    if (index === undefined) {
      at.set(row.id, out.length);
      out.push(row);
    } else out[index] = row;
  }
  return out;
}

/** One batch of an import, as its ledger records it. */
export interface LedgerEntry {
  importId: string;
  batch: number;
  subgraph: string;
  /** Rows the batch holds (before derived data). */
  rowCount: number;
  /** Checksum of the batch's input (see `runImport`): a resumed import checks it is the same batch. */
  checksum: string;
}

/** A resumed import whose batch differs from the one committed under the same import id and number. */
export class LedgerMismatchError extends Error {
  constructor(readonly entry: LedgerEntry) {
    super(
      `batch ${entry.batch} of import "${entry.importId}" (${entry.subgraph}) was committed with different content: the input changed since; use a new --import-id`,
    );
    this.name = "LedgerMismatchError";
  }
}

/** How a subgraph's import writes a batch: when (`updatedAt`), its ledger entry, and more work inside its transaction (the audit). */
export interface ImportOptions {
  now?: string;
  ledger?: LedgerEntry;
  alsoInTransaction?: (manager: EntityManager) => Promise<void>;
}

/** What writing a batch did. */
export interface BatchOutcome {
  /** False when the ledger already had this batch (a resumed import): nothing was written. */
  written: boolean;
  /** Rows written (0 when skipped). */
  rows: number;
}

/**
 * Runs one batch in one transaction (serialized with the subgraph's other writes): `work` writes its
 * rows and derived data; with a ledger entry, the batch is skipped when the ledger already has it
 * (after checking its checksum) and recorded in it otherwise, in the same transaction. The
 * transaction also moves the data version (`inWriteTransaction` calls `bumpDataVersion`).
 */
export async function runBatch(db: Database, ledger: LedgerEntry | undefined, work: (manager: EntityManager) => Promise<number>): Promise<BatchOutcome> {
  return inWriteTransaction(db, async (manager) => {
    // On SQLite the transaction holds the write lock from its BEGIN (see `SubgraphSqliteDatabase`), so the
    // ledger read below cannot make a later write fail against another process's writer.
    if (ledger) {
      const done = await manager.findOneBy(ImportBatchRecord, { importId: ledger.importId, batch: ledger.batch, subgraph: ledger.subgraph });
      if (done) {
        if (done.checksum !== ledger.checksum) throw new LedgerMismatchError(ledger);
        return { written: false, rows: 0 };
      }
    }
    const rows = await work(manager);
    if (ledger) await manager.insert(ImportBatchRecord, { ...ledger, committedAt: new Date().toISOString() });
    return { written: true, rows };
  });
}

/**
 * Writes rows in one transaction: insert, or update the row with the same primary key. Tables are
 * written in the order given; `afterWrite` (derived data) runs inside the same transaction.
 */
export async function importRows(
  db: Database,
  batches: ImportBatch[],
  afterWrite?: (manager: EntityManager) => Promise<void>,
  ledger?: LedgerEntry,
): Promise<BatchOutcome> {
  return runBatch(db, ledger, async (manager) => {
    let rows = 0;
    for (const { entity, rows: input } of batches) rows += await upsertRows(manager, db.kind, entity, input);
    await afterWrite?.(manager);
    return rows;
  });
}
