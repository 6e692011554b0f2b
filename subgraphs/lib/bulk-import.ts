import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { Database } from "./data-source";
import { bumpDataVersion } from "./data-version";

/** Rows for one entity, in the order they must be written (parents before children). */
export interface ImportBatch {
  entity: EntityTarget<ObjectLiteral>;
  rows: ObjectLiteral[];
}

/** Columns per statement stay under SQLite's bound-parameter limit even for wide rows. */
const ROWS_PER_STATEMENT = 200;

/** Evidence written without `garbled`/`note` gets their defaults, so every column is bound. */
function completeEvidence(row: ObjectLiteral): ObjectLiteral {
  const out: ObjectLiteral = { ...row };
  for (const [key, value] of Object.entries(row)) {
    if (value && typeof value === "object" && "sourceId" in value) {
      out[key] = { garbled: false, note: null, ...(value as ObjectLiteral) };
    }
  }
  return out;
}

/**
 * Writes rows in one transaction: insert, or update the row with the same primary key. The dataset
 * seed and any later bulk import go through here, so a re-import replaces rows instead of doubling
 * them, and a failure leaves the database as it was. `afterWrite` runs inside the same transaction.
 */
export async function importRows(db: Database, batches: ImportBatch[], afterWrite?: (manager: EntityManager) => Promise<void>): Promise<void> {
  await db.dataSource.transaction(async (manager: EntityManager) => {
    for (const { entity, rows } of batches) {
      const primaryKeys = manager.getRepository(entity).metadata.primaryColumns.map((column) => column.propertyPath);
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT).map(completeEvidence);
        await manager.upsert(entity, chunk, { conflictPaths: primaryKeys, skipUpdateIfNoValuesChanged: false });
      }
    }
    // Derived data (search documents, name keys) is rebuilt in the same transaction, so it can
    // never disagree with the rows it derives from.
    await afterWrite?.(manager);
    await bumpDataVersion(manager);
  });
}
