import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import { SUBGRAPHS } from "../subgraphs";
import { importActors } from "../subgraphs/actor/seed";
import { importIncidents } from "../subgraphs/incident/seed";
import { SUBGRAPH_NAMES, type SubgraphName } from "../subgraphs/lib/config";
import type { Database } from "../subgraphs/lib/data-source";
import { openSubgraphDatabase } from "../subgraphs/lib/start-subgraph";
import { importStatements } from "../subgraphs/statement/seed";
import { generateData } from "./generate";

/** A folder of SQLite files with the real seed and generated incidents, and how long it took to make. */
export interface PreparedData {
  dataDir: string;
  incidents: number;
  /** Seconds opening the databases and loading the real seed. */
  seedSeconds: number;
  /** Seconds in `generateData`. */
  generateSeconds: number;
  /** Seconds in the bulk imports (`importIncidents`, `importActors`, `importStatements`). */
  importSeconds: number;
  /** Import seconds per subgraph (which import slows down as the tables grow). */
  importSecondsBySubgraph: Record<SubgraphName, number>;
  /** Generated incidents imported per second of import time. */
  importRate: number;
  /** Import rate of single slices along the way (about 20 points): does it slow down as the tables grow? */
  sliceRates: { done: number; incidentsPerSecond: number }[];
  /** Size of the SQLite files (with WAL) after the import, in MB. */
  databaseMb: number;
}

/** A fresh temporary folder for a run's SQLite files. */
export function makeDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `conflict-graph-bench-${label}-`));
}

/** Removes a folder made by `makeDataDir` (quietly, for cleanup paths). */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

function folderMb(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir)) bytes += statSync(join(dir, name)).size;
  return bytes / 1024 / 1024;
}

/**
 * Opens the three SQLite databases in `dataDir` (which loads the real seed), imports `count`
 * generated incidents in slices of `slice` through the bulk-import path, shows a progress bar, and
 * closes the databases so that other processes can open the files.
 */
export async function prepareData(dataDir: string, count: number, slice: number, label = `${count.toLocaleString("en-US")} incidents`): Promise<PreparedData> {
  const seedStarted = performance.now();
  const databases = {} as Record<SubgraphName, Database>;
  for (const name of SUBGRAPH_NAMES) databases[name] = await openSubgraphDatabase(SUBGRAPHS[name], { dataDir });
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const bar = new SingleBar(
    {
      format: `  ${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s (last slice {sliceRate}/s) | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      // Also report into logs (CI, output piped to a file), every 10 s.
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  let generateMs = 0;
  let importMs = 0;
  const bySubgraphMs: Record<SubgraphName, number> = { incident: 0, actor: 0, statement: 0 };
  const sliceRates: PreparedData["sliceRates"] = [];
  const sampleEvery = Math.max(1, Math.round(count / slice / 20));
  bar.start(count, 0, { rate: "-", sliceRate: "-" });
  try {
    for (let offset = 0; offset < count; offset += slice) {
      const size = Math.min(slice, count - offset);
      let mark = performance.now();
      const data = generateData(size, offset, count);
      generateMs += performance.now() - mark;
      mark = performance.now();
      // Actors first: participations and statements name them (no cross-database keys, but the
      // order matches how a real import would arrive).
      await importActors(databases.actor, data.actor);
      const actorDone = performance.now();
      await importIncidents(databases.incident, data.incident);
      const incidentDone = performance.now();
      await importStatements(databases.statement, data.statement);
      const sliceMs = performance.now() - mark;
      bySubgraphMs.actor += actorDone - mark;
      bySubgraphMs.incident += incidentDone - actorDone;
      bySubgraphMs.statement += mark + sliceMs - incidentDone;
      importMs += sliceMs;
      const sliceRate = size / (sliceMs / 1000);
      const index = offset / slice;
      if (index % sampleEvery === 0 || offset + size === count) sliceRates.push({ done: offset + size, incidentsPerSecond: Math.round(sliceRate) });
      bar.update(offset + size, {
        rate: Math.round((offset + size) / (importMs / 1000)).toLocaleString("en-US"),
        sliceRate: Math.round(sliceRate).toLocaleString("en-US"),
      });
    }
  } finally {
    bar.stop();
    for (const db of Object.values(databases)) {
      // Fold the WAL back into the main file so that the readers start from a compact database.
      await db.dataSource.query("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
      await db.dataSource.destroy();
    }
  }
  return {
    dataDir,
    incidents: count,
    seedSeconds,
    generateSeconds: generateMs / 1000,
    importSeconds: importMs / 1000,
    importSecondsBySubgraph: {
      incident: bySubgraphMs.incident / 1000,
      actor: bySubgraphMs.actor / 1000,
      statement: bySubgraphMs.statement / 1000,
    },
    importRate: count / (importMs / 1000),
    sliceRates,
    databaseMb: folderMb(dataDir),
  };
}

/** Where `keepPreparedData` records what it prepared, inside the data folder. */
const PREPARED_FILE = "prepared.json";

/**
 * `prepareData` into `dataDir` unless an earlier run left its result there (the folder is kept, for
 * the next run): the same data for two versions of the code without a second import. An earlier
 * run's databases are migrated by the system that opens them.
 */
export async function keepPreparedData(dataDir: string, count: number, slice: number): Promise<PreparedData & { reused: boolean }> {
  const file = join(dataDir, PREPARED_FILE);
  if (existsSync(file)) {
    const prepared = JSON.parse(readFileSync(file, "utf8")) as PreparedData;
    if (prepared.incidents !== count) throw new Error(`${dataDir} holds ${prepared.incidents} incidents, not ${count}`);
    return { ...prepared, dataDir, reused: true };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const prepared = await prepareData(dataDir, count, slice);
  writeFileSync(file, JSON.stringify(prepared));
  return { ...prepared, reused: false };
}
