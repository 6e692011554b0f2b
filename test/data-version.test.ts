import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SUBGRAPHS } from "../subgraphs";
import type { Database } from "../subgraphs/lib/data-source";
import { readDataVersion } from "../subgraphs/lib/data-version";
import { openSubgraphDatabase } from "../subgraphs/lib/start-subgraph";
import { inWriteTransaction } from "../subgraphs/lib/writes";

// The data version is what the response cache keys on: it must move with every committed write and
// stay where it was when a write rolls back.

describe("data version", () => {
  let dataDir: string;
  let db: Database;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "data-version-"));
    db = await openSubgraphDatabase(SUBGRAPHS.actor, { dataDir });
  });
  afterAll(async () => {
    await db.dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the seed moved it; each committed write moves it by one; a rolled-back write leaves it", async () => {
    const seeded = await readDataVersion(db);
    expect(seeded).toBeGreaterThan(0);
    await inWriteTransaction(db, async () => undefined);
    expect(await readDataVersion(db)).toBe(seeded + 1);
    await expect(
      inWriteTransaction(db, async (manager) => {
        await manager.query(`UPDATE actor SET name = name || 'x'`);
        throw new Error("fails after writing");
      }),
    ).rejects.toThrow("fails after writing");
    expect(await readDataVersion(db)).toBe(seeded + 1);
    await Promise.all([inWriteTransaction(db, async () => undefined), inWriteTransaction(db, async () => undefined)]);
    expect(await readDataVersion(db)).toBe(seeded + 3);
  });
});
