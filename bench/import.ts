import "./env";
import "reflect-metadata";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import type * as Jose from "jose" with { "resolution-mode": "import" };
import { projectRoot } from "../subgraphs/lib/paths";
import { writeGeneratedNdjson } from "./ndjson";
import { Cleanup, freePort, healthReady, spawnService } from "./processes";

// jose 6 is an ES module only; Node 20.19+ loads it with require() (as gateway/auth.ts does).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jose = require("jose") as typeof Jose;

// `npm run bench:import [-- --sizes 10000,100000,1000000 --batch-size 5000 --gateway-sizes 10000]`: generates .ndjson streams
// of synthetic incidents (bench/generate.ts) and imports each into fresh SQLite databases with
// `npm run import -- --direct`, end to end as a user runs it (a child process). Reports incidents/s over
// the whole run and over its last tenth (the rate once the tables are large: flat means the engine does
// not slow down as they grow) and the import's peak RSS. Then, for `--gateway-sizes`, the same through
// the gateway: the system started as `npm start` starts it (one process, production mode, JWT_SECRET),
// and `npm run import -- --gateway <url> --token <jwt>` (batches of 500, the gateway mode's default).

interface Result {
  incidents: number;
  fileMb: number;
  seconds: number;
  overall: number;
  lastTenth: number;
  peakRssMb: number;
}

/** Runs one direct import; the times of its batch acknowledgements give the rate of the last tenth. */
function importOnce(file: string, dataDir: string, batchSize: number, incidents: number, target: string[] = ["--direct"]): Promise<Omit<Result, "fileMb">> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["dist/subgraphs/import.js", ...target, "--batch-size", String(batchSize), file], {
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
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10000,100000,1000000" },
      "batch-size": { type: "string", default: "5000" },
      "gateway-sizes": { type: "string", default: "10000" },
      "gateway-batch-size": { type: "string", default: "500" },
    },
  });
  const sizes = values.sizes.split(",").filter(Boolean).map(Number);
  const gatewaySizes = values["gateway-sizes"].split(",").filter(Boolean).map(Number);
  const gatewayBatchSize = Number(values["gateway-batch-size"]);
  const gatewayResults: Result[] = [];
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
    for (const incidents of gatewaySizes) {
      const file = join(dir, `generated-${incidents}.ndjson`);
      await writeGeneratedNdjson(file, incidents);
      const dataDir = join(dir, `gateway-data-${incidents}`);
      const result = await importThroughGateway(file, dataDir, gatewayBatchSize, incidents);
      gatewayResults.push({ ...result, fileMb: statSync(file).size / 1e6 });
      rmSync(file);
      rmSync(dataDir, { recursive: true, force: true });
      console.log(
        `gateway ${incidents}: ${result.overall.toFixed(0)} incidents/s overall, ${result.lastTenth.toFixed(0)}/s in the last tenth, importer peak RSS ${result.peakRssMb} MB`,
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
  if (gatewayResults.length) {
    console.log(
      `\nimport through the gateway, end to end (npm start; npm run import -- --gateway <url> --token <jwt>, batches of ${gatewayBatchSize} bundles):\n`,
    );
    console.log("| incidents | input MB | seconds | incidents/s | incidents/s, last tenth | importer peak RSS MB |");
    console.log("| --: | --: | --: | --: | --: | --: |");
    for (const r of gatewayResults) {
      console.log(
        `| ${r.incidents} | ${r.fileMb.toFixed(0)} | ${r.seconds.toFixed(1)} | ${r.overall.toFixed(0)} | ${r.lastTenth.toFixed(0)} | ${r.peakRssMb} |`,
      );
    }
  }
}

/**
 * Starts the system as `npm start` does (gateway and subgraphs in one process, fresh SQLite files,
 * production mode with a JWT secret) and imports `file` through it with a token granting write:import.
 */
async function importThroughGateway(file: string, dataDir: string, batchSize: number, incidents: number): Promise<Omit<Result, "fileMb">> {
  const cleanup = new Cleanup();
  try {
    const secret = randomBytes(32).toString("base64url");
    const [gatewayPort, incidentPort, actorPort, statementPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const system = spawnService(
      cleanup,
      "system (npm start)",
      join("dist", "gateway", "main.js"),
      [],
      {
        GATEWAY_PORT: String(gatewayPort),
        INCIDENT_PORT: String(incidentPort),
        ACTOR_PORT: String(actorPort),
        STATEMENT_PORT: String(statementPort),
        DATA_DIR: dataDir,
        JWT_SECRET: secret,
      },
      `http://127.0.0.1:${gatewayPort}`,
    );
    cleanup.add("stop system", () => system.stop());
    await healthReady(system);
    const token = await new jose.SignJWT({ sub: "bench-import", scope: "write:import" })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuedAt()
      .setExpirationTime("2h")
      .sign(new TextEncoder().encode(secret));
    return await importOnce(file, join(dataDir, "unused-by-gateway-import"), batchSize, incidents, ["--gateway", system.url, "--token", token]);
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
