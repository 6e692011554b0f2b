import "./env";
import "reflect-metadata";
import { type ChildProcess, spawn } from "node:child_process";
import pino from "pino";
import { type RunMode, startSystem } from "../gateway/system";
import { loadConfig } from "../subgraphs/lib/config";
import { readmeExamples, readReadme } from "../test/support/readme";
import { ownCpuMs } from "./cpu";
import { makeDataDir, removeDataDir } from "./dataset";
import { postJson } from "./http";

// What a trace costs per request: the README example, N times per round, with tracing off and on
// (exporting over OTLP/HTTP to a sink in another process, so that only our side is counted),
// rounds interleaved so that drift (JIT, page cache, a neighbour's load) hits both alike.
// `npm run bench:tracing -- [--requests 300] [--rounds 3] [--mode embedded|in-process]`

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
};
const REQUESTS = Number(argument("requests", "300"));
const ROUNDS = Number(argument("rounds", "3"));
const MODE = argument("mode", "embedded") as RunMode;
const CONCURRENCY = [1, 8];

/** A stand-in collector in its own process: answers every POST with 200 and discards the body. */
async function startSink(): Promise<{ endpoint: string; process: ChildProcess }> {
  const code = `const s=require("node:http").createServer((q,r)=>{q.resume();q.on("end",()=>r.end("{}"))});s.listen(0,"127.0.0.1",()=>console.log(s.address().port))`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) => child.stdout?.once("data", (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { endpoint: `http://127.0.0.1:${port}`, process: child };
}

interface Sample {
  cpuMs: number;
  latencies: number[];
}

/** Starts the system (tracing on or off), sends `REQUESTS` with `concurrency` at a time, stops it. */
async function round(dataDir: string, endpoint: string | undefined, concurrency: number, body: string): Promise<Sample> {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    GATEWAY_PORT: "0",
    INCIDENT_PORT: "0",
    ACTOR_PORT: "0",
    STATEMENT_PORT: "0",
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint ?? "",
  });
  const system = await startSystem(config, MODE, pino({ level: "silent" }));
  try {
    for (let i = 0; i < 20; i += 1) await postJson(system.url, body); // warm-up
    const latencies: number[] = [];
    let next = 0;
    const cpuBefore = ownCpuMs();
    const worker = async () => {
      while (next < REQUESTS) {
        next += 1;
        const answer = await postJson(system.url, body);
        latencies.push(answer.ms);
        if (answer.status !== 200 || answer.body.errors) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body.errors)}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await system.tracing?.forceFlush();
    return { cpuMs: ownCpuMs() - cpuBefore, latencies };
  } finally {
    await system.stop();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  const [example] = readmeExamples(readReadme(), "## Example");
  if (!example) throw new Error("README.md has no example");
  const body = JSON.stringify({ query: example.query });
  const dataDir = makeDataDir("tracing");
  const sink = await startSink();
  try {
    // The first start seeds the SQLite files; later rounds open them.
    await round(dataDir, undefined, 1, body);
    console.log(`README example, ${MODE} mode, ${REQUESTS} requests per round, ${ROUNDS} rounds each, interleaved (CPU: this process; the sink is another)`);
    console.log("| concurrency | tracing | CPU ms/req | p50 ms |");
    console.log("| --- | --- | --- | --- |");
    for (const concurrency of CONCURRENCY) {
      const results = { off: [] as Sample[], on: [] as Sample[] };
      for (let r = 0; r < ROUNDS; r += 1) {
        results.off.push(await round(dataDir, undefined, concurrency, body));
        results.on.push(await round(dataDir, sink.endpoint, concurrency, body));
      }
      const summary = (samples: Sample[]) => ({
        cpu: samples.reduce((sum, sample) => sum + sample.cpuMs, 0) / (samples.length * REQUESTS),
        p50: median(samples.flatMap((sample) => sample.latencies)),
      });
      const off = summary(results.off);
      const on = summary(results.on);
      console.log(`| ${concurrency} | off | ${off.cpu.toFixed(2)} | ${off.p50.toFixed(2)} |`);
      console.log(`| ${concurrency} | on | ${on.cpu.toFixed(2)} | ${on.p50.toFixed(2)} |`);
      console.log(`| ${concurrency} | on/off | ${(on.cpu / off.cpu).toFixed(2)}x | ${(on.p50 / off.p50).toFixed(2)}x |`);
    }
  } finally {
    sink.process.kill();
    removeDataDir(dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
