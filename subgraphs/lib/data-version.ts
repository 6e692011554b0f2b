import { Column, Entity, type EntityManager, PrimaryColumn } from "typeorm";
import type { Database } from "./data-source";

/**
 * The data version of one subgraph's database: a counter that moves forward in the same transaction
 * as every write (a mutation, a seed, an import batch), so a reader that sees version N sees every
 * write acknowledged before N was read. The gateway's response cache keys answers by the versions of
 * the subgraphs a plan touches: a write anywhere in those subgraphs makes older answers unreachable.
 */
@Entity("data_version")
export class DataVersion {
  /** Always 1: the table holds one row. */
  @PrimaryColumn("integer")
  id: number;

  @Column("integer")
  version: number;
}

/** Moves the database's version forward by one, inside the caller's write transaction. */
export async function bumpDataVersion(manager: EntityManager): Promise<void> {
  await manager.query(`INSERT INTO data_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = data_version.version + 1`);
}

/** The database's current version (0 before its first write). */
export async function readDataVersion(db: Database): Promise<number> {
  const rows: { version: number | string }[] = await db.dataSource.query(`SELECT version FROM data_version WHERE id = 1`);
  return rows.length ? Number(rows[0].version) : 0;
}
