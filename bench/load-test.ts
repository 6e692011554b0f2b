// `npm run load` (bounded load test) and `npm run load:soak` (long run watching memory): the whole
// system (`node dist/gateway/main.js`, as `npm start` runs it, in production mode) in its own process,
// load from another process (autocannon), loopback only.
import "./env";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { projectRoot } from "../subgraphs/lib/paths";
import { BENCH_ENV } from "./env";
import { autocannon, type LoadResult } from "./load";

interface Options {
  clients: number[];
  seconds: number;
  soak: boolean;
  sampleSeconds: number;
}

function parse(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const soak = argv.includes("--soak");
  const clients = (value("clients") ?? (soak ? "50" : "50,500")).split(",").map(Number);
  const seconds = Number(value("duration") ?? (soak ? "120" : "20"));
  if (clients.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error("--clients takes whole numbers from 1 to 2000, comma-separated");
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) throw new Error("--duration takes 1 to 3600 seconds");
  return { clients, seconds, soak, sampleSeconds: Number(value("sample") ?? "10") };
}

// The load: a page of incidents with their participants' names, joining two subgraphs.
const BODY = JSON.stringify({ query: `{ incidents(first: 10) { edges { node { title startsAt place { name } participants { role actor { name } } } } } }` });

/** The process's memory as its own /metrics reports it, in MB. */
async function memory(metricsUrl: string): Promise<{ rssMb: number; heapUsedMb: number }> {
  const text = await (await fetch(metricsUrl)).text();
  const read = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, "m").exec(text)?.[1] ?? NaN) / 1024 / 1024;
  return { rssMb: read("process_resident_memory_bytes"), heapUsedMb: read("nodejs_heap_size_used_bytes") };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const dataDir = mkdtempSync(join(tmpdir(), "conflict-graph-load-"));
  const child = spawn(process.execPath, ["dist/gateway/main.js"], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      ...BENCH_ENV,
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      GATEWAY_PORT: "0",
      INCIDENT_PORT: "0",
      ACTOR_PORT: "0",
      STATEMENT_PORT: "0",
      DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  process.once("exit", stop);
  try {
    let log = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        const ready = /gateway ready at (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(log);
        if (ready?.[1]) resolve(ready[1]);
      });
      child.once("exit", (code) => reject(new Error(`the system exited (${code}) before it was ready:\n${log}`)));
    });
    const metricsUrl = new URL("/metrics", url).toString();
    console.log(`system ready at ${url} (production mode, SQLite in ${dataDir})`);
    await autocannon({ url, body: BODY, connections: 10, seconds: 3 }); // warm-up

    const rows: (LoadResult & { clients: number })[] = [];
    if (!options.soak) {
      for (const clients of options.clients) {
        const result = await autocannon({ url, body: BODY, connections: clients, seconds: options.seconds });
        rows.push({ clients, ...result });
        console.log(
          `${clients} clients: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
        );
      }
    }

    const samples: { second: number; rssMb: number; heapUsedMb: number }[] = [];
    if (options.soak) {
      const started = Date.now();
      const clients = options.clients[0] ?? 50;
      const before = await memory(metricsUrl);
      samples.push({ second: 0, ...before });
      const load = autocannon({ url, body: BODY, connections: clients, seconds: options.seconds });
      while (Date.now() - started < options.seconds * 1000) {
        await sleep(options.sampleSeconds * 1000);
        samples.push({ second: Math.round((Date.now() - started) / 1000), ...(await memory(metricsUrl)) });
      }
      const result = await load;
      rows.push({ clients, ...result });
      await sleep(2000);
      samples.push({ second: Math.round((Date.now() - started) / 1000), ...(await memory(metricsUrl)) });
      // Heap in use is a GC sawtooth, so a slope between two samples is noise. Growth shows as a
      // rising floor (the lowest heap after collections) or a rising RSS after the warm-up sample.
      const half = Math.ceil(samples.length / 2);
      const floor = (list: typeof samples) => Math.min(...list.map((sample) => sample.heapUsedMb));
      const warmed = samples[1] ?? samples[0];
      const last = samples[samples.length - 1];
      console.log(
        `\nsoak: ${clients} clients for ${options.seconds} s: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}`,
      );
      console.log("second | RSS MB | heap used MB");
      for (const sample of samples)
        console.log(`${String(sample.second).padStart(6)} | ${sample.rssMb.toFixed(1).padStart(6)} | ${sample.heapUsedMb.toFixed(1).padStart(12)}`);
      console.log(`RSS after warm-up ${warmed?.rssMb.toFixed(1)} MB, at the end ${last?.rssMb.toFixed(1)} MB (before any load ${before.rssMb.toFixed(1)} MB)`);
      console.log(
        `heap floor (lowest sample) first half ${floor(samples.slice(1, half)).toFixed(1)} MB, second half ${floor(samples.slice(half)).toFixed(1)} MB`,
      );
    }

    console.log("\n| clients | seconds | req/s | p50 ms | p99 ms | responses | errors | timeouts | non-2xx |");
    console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const row of rows) {
      console.log(
        `| ${row.clients} | ${row.seconds} | ${row.rps.toFixed(0)} | ${row.p50} | ${row.p99} | ${row.requests} | ${row.errors} | ${row.timeouts} | ${row.non2xx} |`,
      );
    }
    const dir = join(projectRoot(), "bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `load-${options.soak ? "soak-" : ""}${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify({ options, rows, samples }, null, 2));
    console.log(`\nwritten: ${file}`);
    const failures = rows.reduce((sum, row) => sum + row.errors + row.timeouts + row.non2xx, 0);
    if (failures > 0) process.exitCode = 1;
  } finally {
    stop();
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
