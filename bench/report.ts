import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../subgraphs/lib/paths";
import type { PreparedData } from "./dataset";
import type { LoadResult } from "./load";
import type { BenchOptions, Workload } from "./options";

/** The machine a run was measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  memoryGb: number;
  loadAverage: number[];
  /** Share of all cores busy (0-1) during one second before the run: anything else running? */
  busyAtStart: number;
}

/** Total and idle CPU time over all cores so far. */
function cpuTimes(): { total: number; idle: number } {
  let total = 0;
  let idle = 0;
  for (const core of cpus()) {
    total += core.times.user + core.times.nice + core.times.sys + core.times.idle + core.times.irq;
    idle += core.times.idle;
  }
  return { total, idle };
}

/** Describes this machine, and how busy it is right now (samples the CPUs for one second). */
export async function machine(): Promise<Machine> {
  const list = cpus();
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = cpuTimes();
  const busyAtStart = 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    node: process.version,
    platform: `${platform()} ${release()}`,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
    busyAtStart: Math.round(busyAtStart * 100) / 100,
  };
}

/** One line describing the machine, for headers. */
export function machineLine(m: Machine): string {
  // Results saved before `busyAtStart` existed only have the load average.
  const busy =
    typeof m.busyAtStart === "number" ? `CPUs ${Math.round(m.busyAtStart * 100)}% busy at start` : `load average ${m.loadAverage[0] ?? "?"} at start`;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; ${busy}`;
}

/**
 * A warning when the CPUs were busy before the run started (more than 15% over one second): another
 * benchmark, build or test run alongside skews every number. (The load average would also count the
 * minute after a previous run of this benchmark.)
 */
export function busyWarning(m: Machine): string | undefined {
  if (m.busyAtStart <= 0.15) return undefined;
  return `warning: the CPUs were ${Math.round(m.busyAtStart * 100)}% busy before the run started (load average ${m.loadAverage.join(" ")}); something else is running, so the numbers will be skewed.`;
}

/** The setups of the main table. */
export const SETUPS = {
  a: "(a) reference, no gateway",
  b: "(b) gateway in-process",
  c: "(c) gateway + 3 subgraph processes",
  d: "(d) stock @apollo/gateway + 3 subgraph processes",
  e: "(e) Hive Gateway (JS planner) + 3 subgraph processes",
  f: "(f) Hive Gateway (Rust planner) + 3 subgraph processes",
  g: "(g) gateway + 3 subgraph processes, RESPONSE_CACHE=false",
} as const;

/** A setup id. */
export type SetupId = keyof typeof SETUPS;

/** One scenario measured on one setup. */
export interface Cell {
  scenario: number;
  scenarioName: string;
  /** Identical requests, or all different ones (results saved before workloads existed: identical). */
  workload?: Workload;
  setup: SetupId;
  setupName: string;
  load: LoadResult;
  /** SQL statements per request under load (counter delta over the measured run / requests sent). */
  sqlPerRequest: number;
  /** SQL statements of one request alone (measured during verification). */
  sqlSingleRequest: number;
  /** Subgraph operations per request under load (what the subgraphs received, or the in-process gateway sent). */
  subgraphCallsPerRequest?: number;
  /** Share of requests the gateway answered from its response cache (its `response_cache_hits_total`; 0 without one). */
  cacheHitRate?: number;
  /**
   * CPU time per request (ms, user + system, all threads) of the processes serving this setup:
   * `total`, and for (c)/(d) split into the gateway process and the three subgraph processes. For
   * (a)/(b) it is the benchmark process, which serves them. Excludes autocannon.
   */
  cpuMsPerRequest?: { total: number; gateway?: number; subgraphs?: number };
  /** The answer's data equals the in-process gateway's (gateway setups only). */
  sameDataAsInProcess?: boolean;
  /** req/s of this setup divided by req/s of (a) for the same scenario (identical workload only). */
  rpsRatio?: number;
  /** p50 of this setup divided by p50 of (a). */
  p50Ratio?: number;
}

/** A scenario as run, with the subgraph operations its query plan sends. */
export interface ScenarioReport {
  id: number;
  name: string;
  description: string;
  /** Subgraph operations per request, in plan order. */
  plan: string[];
}

/** The result of the main comparison. */
export interface MainResult {
  kind: "main";
  startedAt: string;
  seconds: number;
  machine: Machine;
  options: BenchOptions;
  dataset: PreparedData;
  scenarios: ScenarioReport[];
  cells: Cell[];
}

/** One query at one dataset size in scale mode. */
export interface ScaleMeasurement {
  size: number;
  query: string;
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  sqlPerRequest: number;
  /** Rows the query returned (edges) or its totalCount, as a sanity check. */
  items: number;
  /** The request's slowest SQL statement, timed alone (median of 5): what the latency grows with. */
  slowestSql: { subgraph: string; ms: number; sql: string };
  /** Why the query could not be measured at this size (an error the system answered with). */
  error?: string;
}

/** The result of scale mode. */
export interface ScaleResult {
  kind: "scale";
  startedAt: string;
  seconds: number;
  machine: Machine;
  options: BenchOptions;
  datasets: PreparedData[];
  measurements: ScaleMeasurement[];
}

/** A result of either mode. */
export type BenchResult = MainResult | ScaleResult;

/** Renders a Markdown table with padded columns (readable in a terminal too). */
export function table(headers: string[], rows: string[][], rightAligned: boolean[] = []): string {
  const widths = headers.map((header, index) => Math.max(header.length, ...rows.map((row) => (row[index] ?? "").length)));
  const pad = (text: string, index: number) => (rightAligned[index] ? text.padStart(widths[index]!) : text.padEnd(widths[index]!));
  const line = (cells: string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((width, index) => (rightAligned[index] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

const fixed = (value: number | undefined, digits = 1) => (value === undefined || !Number.isFinite(value) ? "-" : value.toFixed(digits));
const int = (value: number) => Math.round(value).toLocaleString("en-US");

/** CPU ms per request as "total" or "total (gateway + subgraphs)". */
export function cpuText(cell: Cell): string {
  const cpu = cell.cpuMsPerRequest;
  if (!cpu) return "-";
  if (cpu.gateway === undefined || cpu.subgraphs === undefined) return fixed(cpu.total, 1);
  return `${fixed(cpu.total, 1)} (${fixed(cpu.gateway, 1)} gw + ${fixed(cpu.subgraphs, 1)} sg)`;
}

/** The main table: scenario | workload | setup | req/s | p50 | p99 | SQL/req | calls/req | CPU | cache hits | ratios to (a) | failures. */
export function mainTable(result: MainResult): string {
  const rows = result.cells.map((cell) => [
    `${cell.scenario} ${cell.scenarioName}`,
    cell.workload ?? "same",
    cell.setupName,
    fixed(cell.load.rps, 0),
    fixed(cell.load.p50, 0),
    fixed(cell.load.p99, 0),
    fixed(cell.sqlPerRequest, 1),
    fixed(cell.subgraphCallsPerRequest, 2),
    cpuText(cell),
    cell.cacheHitRate === undefined ? "-" : `${fixed(cell.cacheHitRate * 100, 0)}%`,
    cell.rpsRatio === undefined ? "-" : `${fixed(cell.rpsRatio, 2)}x`,
    cell.p50Ratio === undefined ? "-" : `${fixed(cell.p50Ratio, 2)}x`,
    `${cell.load.non2xx}/${cell.load.errors + cell.load.timeouts}`,
  ]);
  return table(
    [
      "scenario",
      "workload",
      "setup",
      "req/s",
      "p50 ms",
      "p99 ms",
      "SQL/req",
      "calls/req",
      "CPU ms/req",
      "cache hits",
      "req/s vs (a)",
      "p50 vs (a)",
      "non2xx/err",
    ],
    rows,
    [false, false, false, true, true, true, true, true, true, true, true, true, true],
  );
}

/** The import rates of scale mode. */
export function importTable(result: ScaleResult): string {
  const rows = result.datasets.map((data) => {
    const rates = data.sliceRates ?? [];
    return [
      int(data.incidents),
      fixed(data.generateSeconds, 1),
      fixed(data.importSeconds, 1),
      data.importSecondsBySubgraph
        ? `${fixed(data.importSecondsBySubgraph.incident, 1)} / ${fixed(data.importSecondsBySubgraph.actor, 1)} / ${fixed(data.importSecondsBySubgraph.statement, 1)}`
        : "-",
      int(data.importRate),
      rates.length ? `${int(rates[0]!.incidentsPerSecond)} → ${int(rates[rates.length - 1]!.incidentsPerSecond)}` : "-",
      fixed(data.databaseMb, 0),
    ];
  });
  return table(["incidents", "generate s", "import s", "incident / actor / statement s", "imported incidents/s", "first → last slice /s", "SQLite MB"], rows, [
    true,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
}

/** How p50/p99 grow with the dataset in scale mode. */
export function scaleTable(result: ScaleResult): string {
  const base = new Map<string, ScaleMeasurement>();
  for (const row of result.measurements) if (!base.has(row.query)) base.set(row.query, row);
  const rows = result.measurements.map((row) => {
    const first = base.get(row.query)!;
    return [
      row.query,
      int(row.size),
      fixed(row.p50, 2),
      fixed(row.p99, 2),
      fixed(row.mean, 2),
      fixed(row.sqlPerRequest, 1),
      row.slowestSql ? `${fixed(row.slowestSql.ms, 2)} (${row.slowestSql.subgraph})` : "-",
      row.error ? `failed: ${row.error.slice(0, 80)}` : int(row.items),
      `${fixed(row.p50 / first.p50, 2)}x`,
      `${fixed(row.p99 / first.p99, 2)}x`,
    ];
  });
  return table(["query", "incidents", "p50 ms", "p99 ms", "mean ms", "SQL/req", "slowest SQL ms", "items", "p50 vs smallest", "p99 vs smallest"], rows, [
    false,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
    true,
  ]);
}

function resultsDir(): string {
  return join(projectRoot(), "bench", "results");
}

function mainSection(result: MainResult, file: string): string {
  const o = result.options;
  return [
    `## Gateway overhead (${result.startedAt}, \`${file}\`)`,
    "",
    `Machine: ${machineLine(result.machine)}.`,
    `Data: SQLite, real seed + ${int(result.dataset.incidents)} generated incidents. Load: autocannon in its own process, ${o.connections} connections, ${o.duration} s per cell after ${o.warmup} s of warm-up. Run time ${fixed(result.seconds / 60, 1)} min.`,
    "",
    mainTable(result),
    "",
    "Workloads: `same` sends the scenario's one request again and again; `distinct` sends 10,000 different requests drawn from the dataset (see bench/README.md), so no deduplication or cache can help ((a) has none). " +
      "calls/req: subgraph operations per request; cache hits: the gateway's `response_cache_hits_total` per request (0 without a response cache). " +
      "Setups: (a) the subgraph operations the gateway's query plan sends, replayed in order with no gateway (plain Node HTTP, in-process subgraph schemas); " +
      "(b) the project's gateway with in-process subgraphs (`startSystem(..., \"in-process\")`); (c) the project's gateway (`--gateway-only`) and the three subgraphs as separate processes over HTTP; " +
      "(d) a stock `@apollo/gateway` (`IntrospectAndCompose`, default data sources, `startStandaloneServer`) in front of the same subgraph processes as (c). " +
      "CPU ms/req: user + system CPU of the serving processes over the measured run divided by the requests sent ((a)/(b): the benchmark process, which serves them; (c)/(d): gateway process + the three subgraph processes); autocannon's own CPU is not included. " +
      "SQL/req: statement counters (read once they stop moving) over the measured run divided by the requests autocannon sent ((a)/(b): in-process counters; (c)/(d): the subgraphs' `sql_statements_total`).",
    "",
    "Scenarios and the subgraph operations each request costs:",
    "",
    ...result.scenarios.map((scenario) => `- ${scenario.id} \`${scenario.name}\`: ${scenario.description}. Plan: ${scenario.plan.join(" → ")}.`),
    "",
  ].join("\n");
}

function scaleSection(result: ScaleResult, file: string): string {
  return [
    `## Latency as the dataset grows (${result.startedAt}, \`${file}\`)`,
    "",
    `Machine: ${machineLine(result.machine)}. In-process gateway, ${result.options.requests} sequential requests per query and size (fewer when they take more than ${result.options.maxSeconds ?? 60} s; see \`requests\` in the JSON) after up to 50 warm-up requests, timed by the client. Run time ${fixed(result.seconds / 60, 1)} min.`,
    "",
    importTable(result),
    "",
    scaleTable(result),
    "",
  ].join("\n");
}

/** The newest saved result of a kind, with its file name. */
function newest(kind: BenchResult["kind"]): { file: string; result: BenchResult } | undefined {
  const dir = resultsDir();
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((name) => /^bench-.*\.json$/.test(name))
    .sort()
    .reverse();
  for (const file of files) {
    try {
      const result = JSON.parse(readFileSync(join(dir, file), "utf8")) as BenchResult;
      if (result.kind === kind) return { file, result };
    } catch {
      // Not a result file.
    }
  }
  return undefined;
}

/**
 * Writes `bench/results/bench-<timestamp>.json` and rewrites `bench/results/summary.md` from the
 * newest result of each mode, so that a scale run does not drop the last main table (and back).
 * Returns the paths written.
 */
export function writeResults(result: BenchResult): { json: string; summary: string } {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, "-");
  const json = join(dir, `bench-${stamp}${result.kind === "scale" ? "-scale" : ""}.json`);
  writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
  return { json, summary: writeSummary() };
}

/** Rewrites `bench/results/summary.md` from the newest saved result of each mode; returns its path. */
export function writeSummary(): string {
  const main = newest("main");
  const scale = newest("scale");
  const sections = ["# conflict-graph benchmark", "", "Generated by `npm run bench` / `npm run bench:scale`; the newest result of each mode.", ""];
  if (main?.result.kind === "main") sections.push(mainSection(main.result, main.file));
  if (scale?.result.kind === "scale") sections.push(scaleSection(scale.result, scale.file));
  const summary = join(resultsDir(), "summary.md");
  writeFileSync(summary, sections.join("\n"));
  return summary;
}
