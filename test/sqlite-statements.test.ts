import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sqlite3 from "sqlite3";
import { createDataSource, type Database } from "../subgraphs/lib/data-source";

// SQLite connections keep their prepared SELECTs (subgraphs/lib/data-source.ts). What that must never
// change: a read sees every write committed before it, on any connection; a kept statement holds no
// snapshot that would stop a checkpoint; a failing SELECT fails its caller and is not kept.
describe("SQLite prepared-statement cache", () => {
  let dir: string;
  const opened: Database[] = [];
  const open = async () => {
    const db = await createDataSource({ name: "cache", entities: [], dataDir: dir });
    opened.push(db);
    return db;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "statements-"));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    for (const db of opened.splice(0)) if (db.dataSource.isInitialized) await db.dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prepares a SELECT once however often it runs, and only SELECTs", async () => {
    const db = await open();
    await db.dataSource.query(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)`);
    const prepare = jest.spyOn(sqlite3.Database.prototype, "prepare");
    for (let i = 0; i < 20; i++) await db.dataSource.query(`INSERT INTO item (name) VALUES (?)`, [`n${i}`]);
    expect(prepare).not.toHaveBeenCalled();
    const names = await Promise.all(Array.from({ length: 20 }, (_, i) => db.dataSource.query(`SELECT name FROM item WHERE id = ?`, [i + 1])));
    expect(names.map((rows: { name: string }[]) => rows[0].name)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it("sees every write another connection committed, and never holds back a checkpoint", async () => {
    const reader = await open();
    const writer = await open();
    await writer.dataSource.query(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)`);
    await writer.dataSource.query(`INSERT INTO item (id, name) VALUES (1, 'first')`);
    for (let i = 0; i < 5; i++) {
      await writer.dataSource.query(`UPDATE item SET name = ? WHERE id = 1`, [`write ${i}`]);
      expect(await reader.dataSource.query(`SELECT name FROM item WHERE id = ?`, [1])).toEqual([{ name: `write ${i}` }]);
    }
    // A statement left holding a read transaction would make a TRUNCATE checkpoint report busy.
    expect(await writer.dataSource.query(`PRAGMA wal_checkpoint(TRUNCATE)`)).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
  });

  it("holds the write lock from BEGIN: a transaction that reads first still writes after another process's commit", async () => {
    const mine = await open();
    const other = await open();
    await mine.dataSource.query(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)`);
    await mine.dataSource.query(`INSERT INTO item (id, name) VALUES (1, 'first')`);
    let theirs: Promise<unknown> | undefined;
    await mine.dataSource.transaction(async (manager) => {
      expect(await manager.query(`SELECT name FROM item WHERE id = ?`, [1])).toEqual([{ name: "first" }]);
      // Another connection writes meanwhile. With a deferred BEGIN it committed at once, and the write
      // below, an upgrade of this transaction's read, failed with SQLITE_BUSY; now it waits its turn.
      theirs = other.dataSource.query(`UPDATE item SET name = 'theirs' WHERE id = 1`);
      await Promise.race([theirs, new Promise((resolve) => setTimeout(resolve, 300))]);
      await manager.query(`UPDATE item SET name = 'mine' WHERE id = 1`);
    });
    await theirs;
    expect(await mine.dataSource.query(`SELECT name FROM item WHERE id = ?`, [1])).toEqual([{ name: "theirs" }]);
  });

  it("fails a bad SELECT for its caller every time, and keeps serving the good ones", async () => {
    const db = await open();
    await db.dataSource.query(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)`);
    for (let i = 0; i < 2; i++) await expect(db.dataSource.query(`SELECT name FROM missing WHERE id = ?`, [1])).rejects.toThrow(/no such table: missing/);
    // The table appears: the same SQL now runs (the failed statement was not kept).
    await db.dataSource.query(`CREATE TABLE missing (id INTEGER PRIMARY KEY, name TEXT)`);
    await db.dataSource.query(`INSERT INTO missing (id, name) VALUES (1, 'here')`);
    expect(await db.dataSource.query(`SELECT name FROM missing WHERE id = ?`, [1])).toEqual([{ name: "here" }]);
    // A schema change under a kept statement: SQLite re-prepares it.
    await db.dataSource.query(`ALTER TABLE missing ADD COLUMN note TEXT`);
    expect(await db.dataSource.query(`SELECT * FROM missing WHERE id = ?`, [1])).toEqual([{ id: 1, name: "here", note: null }]);
  });

  it("keeps a bounded number, answers correctly past the bound, and closes cleanly", async () => {
    const db = await open();
    await db.dataSource.query(`CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)`);
    await db.dataSource.query(`INSERT INTO item (id, name) VALUES (1, 'one')`);
    const shapes = Array.from({ length: 600 }, (_, i) => `SELECT name, ${i} AS shape FROM item WHERE id = ?`);
    const answers = await Promise.all(shapes.map((sql) => db.dataSource.query(sql, [1])));
    expect(answers.map((rows: { shape: number }[]) => rows[0].shape)).toEqual(shapes.map((_, i) => i));
    // Closing finalizes what is kept: SQLite refuses to close a connection with live statements.
    await expect(db.dataSource.destroy()).resolves.toBeUndefined();
  });
});
