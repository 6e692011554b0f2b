import "reflect-metadata";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../subgraphs/lib/paths";
import { writeGeneratedNdjson } from "./ndjson";

// `npm run bench:import [-- --sizes 10000,100000,1000000 --batch-size 5000]`: generates .ndjson streams
// of synthetic incidents (bench/generate.ts) and imports each into fresh SQLite databases with
// `npm run import -- --direct`, end to end as a user runs it (a child process). Reports incidents/s over
// the whole run and over its last tenth (the rate once the tables are large: flat means the engine does
// not slow down as they grow) and the import's peak RSS.

interface Result {
  incidents: number;
  fileMb: number;
  seconds: number;
  overall: number;
  lastTenth: number;
  peakRssMb: number;
}

/** Runs one direct import; the times of its batch acknowledgements give the rate of the last tenth. */
function importOnce(file: string, dataDir: string, batchSize: number, incidents: number): Promise<Omit<Result, "fileMb">> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["dist/subgraphs/import.js", "--direct", "--batch-size", String(batchSize), file], {
      cwd: projectRoot(),
      env: { ...process.env, DATA_DIR: dataDir, INCIDENT_DATABASE_URL: "", ACTOR_DATABASE_URL: "", STATEMENT_DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const acks: { at: number; batch: number }[] = [];
    let peakRssMb = 0;
    let buffer = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const ack = /^committed batch (\d+)/.exec(line);
        if (ack) acks.push({ at: Number(process.hrtime.bigint() - started) / 1e9, batch: Number(ack[1]) });
        const rss = /peak RSS (\d+) MB/.exec(line);
        if (rss) peakRssMb = Number(rss[1]);
      }
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`import exited with ${code}`));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Full batches only (the last one is a remainder), from the start of the run when there are few.
      const full = acks.slice(0, -1);
      const tenth = Math.max(1, Math.floor(full.length / 10));
      const to = full[full.length - 1] ?? acks[acks.length - 1];
      const from = full[full.length - 1 - tenth] ?? { at: 0, batch: -1 };
      const lastTenth = ((to.batch - from.batch) * batchSize) / (to.at - from.at);
      resolve({ incidents, seconds, overall: incidents / seconds, lastTenth, peakRssMb });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: "string", default: "10000,100000,1000000" }, "batch-size": { type: "string", default: "5000" } } });
  const sizes = values.sizes.split(",").map(Number);
  const batchSize = Number(values["batch-size"]);
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  const results: Result[] = [];
  try {
    for (const incidents of sizes) {
      const file = join(dir, `generated-${incidents}.ndjson`);
      await writeGeneratedNdjson(file, incidents);
      const dataDir = join(dir, `data-${incidents}`);
      const result = await importOnce(file, dataDir, batchSize, incidents);
      results.push({ ...result, fileMb: statSync(file).size / 1e6 });
      rmSync(file);
      rmSync(dataDir, { recursive: true, force: true });
      console.log(
        `direct ${incidents}: ${result.overall.toFixed(0)} incidents/s overall, ${result.lastTenth.toFixed(0)}/s in the last tenth, peak RSS ${result.peakRssMb} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nimport, direct to SQLite, end to end (npm run import -- --direct, batches of ${batchSize} bundles):\n`);
  console.log("| incidents | input MB | seconds | incidents/s | incidents/s, last tenth | peak RSS MB |");
  console.log("| --: | --: | --: | --: | --: | --: |");
  for (const r of results) {
    console.log(`| ${r.incidents} | ${r.fileMb.toFixed(0)} | ${r.seconds.toFixed(1)} | ${r.overall.toFixed(0)} | ${r.lastTenth.toFixed(0)} | ${r.peakRssMb} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
