import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../subgraphs/lib/paths";
import { BENCH_ENV } from "./env";

/** What autocannon measured in one run (the fields the benchmark reads from its `-j` output). */
export interface LoadResult {
  /** Responses per second: responses received over the run's duration. */
  rps: number;
  /** Latency percentiles in ms (autocannon records whole milliseconds). */
  p50: number;
  p90: number;
  p99: number;
  meanLatency: number;
  maxLatency: number;
  /** Responses received in the run. */
  requests: number;
  /** Requests sent (responses plus those still in flight when the run stopped). */
  sent: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
}

interface AutocannonJson {
  requests: { sent: number };
  latency: { p50: number; p90: number; p99: number; mean: number; max: number };
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

/** How to load one endpoint. */
export interface LoadOptions {
  url: string;
  /** One body sent again and again, or a list sent in turn (each request the next one, from `start`). */
  body: string | string[];
  /** Index of the first body of a list (default 0). */
  start?: number;
  connections: number;
  seconds: number;
}

/**
 * Runs autocannon in its own process (so that the load generator's CPU is not the server's event
 * loop): POSTs `body` (or each body of the list in turn) as JSON to `url` with `connections`
 * connections for `seconds` seconds.
 */
export function autocannon(options: LoadOptions): Promise<LoadResult> {
  // The job goes through a file: thousands of bodies do not fit a command line.
  const dir = mkdtempSync(join(tmpdir(), "bench-load-"));
  const jobFile = join(dir, "job.json");
  const bodies = typeof options.body === "string" ? [options.body] : options.body;
  writeFileSync(jobFile, JSON.stringify({ url: options.url, bodies, start: options.start ?? 0, connections: options.connections, seconds: options.seconds }));
  const args = [join(projectRoot(), "dist", "bench", "load-worker.js"), jobFile];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...BENCH_ENV }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      rmSync(dir, { recursive: true, force: true });
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        const json = JSON.parse(line) as AutocannonJson;
        resolve({
          rps: (json["2xx"] + json.non2xx) / json.duration,
          p50: json.latency.p50,
          p90: json.latency.p90,
          p99: json.latency.p99,
          meanLatency: json.latency.mean,
          maxLatency: json.latency.max,
          requests: json["2xx"] + json.non2xx,
          sent: json.requests.sent,
          ok2xx: json["2xx"],
          non2xx: json.non2xx,
          errors: json.errors,
          timeouts: json.timeouts,
          seconds: json.duration,
        });
      } catch {
        reject(new Error(`autocannon exited with ${code} and no JSON result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
