import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The ledger of bulk imports, one row per committed batch, written in the batch's own transaction (see
 * `runBatch`): a killed import resumed with the same import id skips exactly the batches this table
 * holds, and a batch is either here with all its rows or absent with none of them. Every subgraph
 * database has its own, holding the batches of that subgraph.
 */
@Entity("import_batch")
export class ImportBatchRecord {
  /** The import run (`--import-id`; by default a hash of the input files). */
  @PrimaryColumn("varchar", { length: 100 })
  importId: string;

  /** The batch's number in the import, from 0. */
  @PrimaryColumn("integer")
  batch: number;

  /** The subgraph whose rows the batch wrote. */
  @PrimaryColumn("varchar", { length: 32 })
  subgraph: string;

  /** Rows the batch wrote (before derived data). */
  @Column("integer")
  rowCount: number;

  /** Checksum of the batch's input: a resumed import with different input is refused. */
  @Column("varchar", { length: 64 })
  checksum: string;

  /** When the batch was committed (ISO 8601). */
  @Column("varchar", { length: 32 })
  committedAt: string;
}
