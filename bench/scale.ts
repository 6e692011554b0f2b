import { startSystem, type System } from "../gateway/system";
import { loadConfig, type SubgraphName } from "../subgraphs/lib/config";
import type { Database } from "../subgraphs/lib/data-source";
import { createLogger } from "../subgraphs/lib/logger";
import { join } from "node:path";
import { keepPreparedData, makeDataDir, type PreparedData, prepareData, removeDataDir } from "./dataset";
import { BENCH_ENV } from "./env";
import { postJson, problem } from "./http";
import type { BenchOptions } from "./options";
import type { Cleanup } from "./processes";
import { busyWarning, importTable, machine, machineLine, type ScaleMeasurement, type ScaleResult, scaleTable, writeResults } from "./report";
import { TIMES_OF_DAY } from "./generate";
import { CURSOR_QUERY, FACET_COUNTS_QUERY, FACETS_QUERY, FILTERED_QUERY, PAGE_QUERY, requestBody, SEARCH_COUNT_QUERY, SEARCH_PAGE_QUERY } from "./scenarios";

const WARMUP_REQUESTS = 50;
/** Warm-up stops early after this long (a query that takes a second at 1M incidents). */
const WARMUP_MS = 10_000;
/** Fewest measured requests, even for a slow query. */
const MIN_REQUESTS = 20;
const PAGE_SIZE = 50;
const DEEP_PAGES = 20;
/** A search word in 10 % of the generated incidents' summaries. */
const TEN_PERCENT = TIMES_OF_DAY[4]!;

/** The figures of a query that could not be measured. */
const FAILED = {
  requests: 0,
  p50: Number.NaN,
  p99: Number.NaN,
  mean: Number.NaN,
  sqlPerRequest: Number.NaN,
  items: 0,
  slowestSql: { subgraph: "", ms: Number.NaN, sql: "" },
};

/** The value at quantile `q` of sorted numbers (nearest rank). */
function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Follows `endCursor` through `pages` pages of `PAGE_SIZE` and returns the cursor after the last. */
async function deepCursor(url: string, pages: number): Promise<string> {
  let after: string | null = null;
  for (let page = 0; page < pages; page++) {
    const answer = await postJson(url, requestBody({ query: CURSOR_QUERY, variables: { first: PAGE_SIZE, after } }));
    const failure = problem(answer);
    if (failure) throw new Error(`walking to page ${page + 1}: ${failure}`);
    const info = (answer.body.data as { incidents: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } }).incidents.pageInfo;
    if (!info.endCursor || !info.hasNextPage) throw new Error(`only ${page + 1} pages of ${PAGE_SIZE} incidents`);
    after = info.endCursor;
  }
  return after!;
}

/** How many items an answer holds: `totalCount` (or the facets' `total`) when asked for, else the page's edges. */
function items(data: unknown): number {
  const { incidents, incidentFacets } = data as { incidents?: { totalCount?: number; edges?: unknown[] }; incidentFacets?: { total: number } };
  return incidentFacets?.total ?? incidents?.totalCount ?? incidents?.edges?.length ?? 0;
}

/**
 * Records the SQL statements of one request and times each alone (median of 5 runs): which
 * statement a query's latency grows with.
 */
async function slowestStatement(system: System, body: string): Promise<{ subgraph: string; ms: number; sql: string }> {
  const databases = system.databases as Record<SubgraphName, Database>;
  for (const db of Object.values(databases)) {
    db.sql.recorded = [];
    db.sql.record = true;
  }
  try {
    await postJson(system.url, body);
  } finally {
    for (const db of Object.values(databases)) db.sql.record = false;
  }
  let slowest = { subgraph: "", ms: -1, sql: "" };
  for (const [subgraph, db] of Object.entries(databases)) {
    for (const statement of db.sql.recorded) {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await db.dataSource.query(statement.query, statement.parameters);
        runs.push(performance.now() - started);
      }
      const ms = runs.sort((a, b) => a - b)[2]!;
      if (ms > slowest.ms) slowest = { subgraph, ms, sql: statement.query.replace(/\s+/g, " ") };
    }
    db.sql.recorded = [];
  }
  return slowest;
}

/** A statement without its long column list: `SELECT … FROM <the part that decides its cost>`. */
function withoutColumns(sql: string): string {
  const from = sql.indexOf(" FROM ");
  return (from > 0 ? `SELECT … ${sql.slice(from + 1)}` : sql).slice(0, 1200);
}

/** Times `count` sequential requests (after a warm-up) and counts their SQL statements. */
async function measure(system: System, size: number, name: string, body: string, count: number, maxSeconds: number): Promise<ScaleMeasurement> {
  const databases = system.databases as Record<SubgraphName, Database>;
  const sqlTotal = () => Object.values(databases).reduce((sum, db) => sum + db.sql.total, 0);
  const first = await postJson(system.url, body);
  const failure = problem(first);
  if (failure) throw new Error(`${name} at ${size} incidents: ${failure}`);
  const warmupEnds = performance.now() + WARMUP_MS;
  for (let i = 0; i < WARMUP_REQUESTS && performance.now() < warmupEnds; i++) await postJson(system.url, body);
  const times: number[] = [];
  const sqlBefore = sqlTotal();
  // `count` requests, or fewer when they take longer than `maxSeconds` (but at least MIN_REQUESTS).
  const ends = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < count && (i < MIN_REQUESTS || performance.now() < ends); i++) {
    const answer = await postJson(system.url, body);
    if (answer.status !== 200) throw new Error(`${name} at ${size} incidents: HTTP ${answer.status}`);
    times.push(answer.ms);
  }
  const sqlPerRequest = (sqlTotal() - sqlBefore) / times.length;
  times.sort((a, b) => a - b);
  const slowest = await slowestStatement(system, body);
  return {
    size,
    query: name,
    requests: times.length,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    mean: times.reduce((sum, value) => sum + value, 0) / times.length,
    sqlPerRequest,
    items: items(first.body.data),
    slowestSql: { subgraph: slowest.subgraph, ms: slowest.ms, sql: withoutColumns(slowest.sql) },
  };
}

/**
 * Scale mode: for each size, a fresh SQLite dataset (real seed + generated incidents, imported in
 * slices), the in-process gateway over it, and the latency of three queries as it grows.
 */
export async function runScale(options: BenchOptions, cleanup: Cleanup): Promise<ScaleResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const host = await machine();
  console.log(`conflict-graph scale benchmark — ${machineLine(host)}`);
  const busy = busyWarning(host);
  if (busy) console.warn(busy);
  console.log(
    `sizes ${options.sizes.map((size) => size.toLocaleString("en-US")).join(", ")}; ${options.requests} sequential requests per query (at most ${options.maxSeconds} s each), in-process gateway\n`,
  );
  const logger = createLogger("bench", "warn");
  const datasets: PreparedData[] = [];
  const measurements: ScaleMeasurement[] = [];

  for (const size of options.sizes) {
    const dataDir = options.keepData ? join(options.keepData, `scale-${size}`) : makeDataDir(`scale-${size}`);
    let removed = false;
    const remove = () => {
      if (!removed && !options.keepData) removeDataDir(dataDir);
      removed = true;
    };
    cleanup.add(`remove ${dataDir}`, remove);
    console.log(`${size.toLocaleString("en-US")} incidents (${dataDir})`);
    const dataset = options.keepData ? await keepPreparedData(dataDir, size, options.slice) : await prepareData(dataDir, size, options.slice);
    datasets.push(dataset);
    console.log(
      `  ${"reused" in dataset && dataset.reused ? "reused the databases of an earlier run, which " : ""}generated in ${dataset.generateSeconds.toFixed(1)} s, imported in ${dataset.importSeconds.toFixed(1)} s (${Math.round(dataset.importRate).toLocaleString("en-US")} incidents/s), ${dataset.databaseMb.toFixed(0)} MB`,
    );

    // Without the response cache: each request is sent again and again, and what is measured is the
    // work of answering it, not a cache hit.
    const config = loadConfig({
      ...BENCH_ENV,
      GATEWAY_PORT: "0",
      INCIDENT_PORT: "0",
      ACTOR_PORT: "0",
      STATEMENT_PORT: "0",
      DATA_DIR: dataDir,
      RESPONSE_CACHE: "false",
      // Databases kept from a run of older code (`--keep-data`) are brought up to this code's schema.
      MIGRATE: "auto",
    });
    const opened = performance.now();
    const system = await startSystem(config, "in-process", logger);
    let stopped = false;
    const stop = async () => {
      if (!stopped) await system.stop();
      stopped = true;
    };
    cleanup.add(`stop system over ${size}`, stop);
    console.log(`  system started in ${((performance.now() - opened) / 1000).toFixed(1)} s`);
    try {
      const after = await deepCursor(system.url, DEEP_PAGES);
      const queries = [
        { name: 'filter+search (IQ, "rocket", first 20)', body: requestBody({ query: FILTERED_QUERY, variables: { first: 20 } }) },
        { name: `first page of ${PAGE_SIZE}`, body: requestBody({ query: PAGE_QUERY, variables: { first: PAGE_SIZE } }) },
        { name: `page ${DEEP_PAGES + 1} of ${PAGE_SIZE} (cursor)`, body: requestBody({ query: PAGE_QUERY, variables: { first: PAGE_SIZE, after } }) },
        {
          name: `filter+search (IQ, "${TEN_PERCENT}" 10%, first 20)`,
          body: requestBody({ query: SEARCH_PAGE_QUERY, variables: { first: 20, search: TEN_PERCENT } }),
        },
        {
          name: `filter+search (IQ, "${TEN_PERCENT}" 10%, first 20, totalCount)`,
          body: requestBody({ query: SEARCH_COUNT_QUERY, variables: { first: 20, search: TEN_PERCENT } }),
        },
        { name: "facets (IQ, ROCKET/DRONE, 2 years), no byPerpetrator", body: requestBody({ query: FACET_COUNTS_QUERY }) },
        { name: "facets (IQ, ROCKET/DRONE, 2 years), all", body: requestBody({ query: FACETS_QUERY }) },
      ];
      for (const query of queries) {
        // A query the system refuses at some size (a list grown past the gateway's limits) is
        // recorded as failed there; the other queries are still measured.
        const row = await measure(system, size, query.name, query.body, options.requests, options.maxSeconds).catch((error: Error): ScaleMeasurement => ({
          ...FAILED,
          size,
          query: query.name,
          error: error.message,
        }));
        measurements.push(row);
        if (row.error) {
          console.log(`  ${query.name.padEnd(40)} failed: ${row.error}`);
          continue;
        }
        console.log(
          `  ${query.name.padEnd(40)} p50 ${row.p50.toFixed(2)} ms  p99 ${row.p99.toFixed(2)} ms  SQL/req ${row.sqlPerRequest.toFixed(1)}  items ${row.items}`,
        );
      }
    } finally {
      await stop();
      remove();
    }
    console.log("");
  }

  const result: ScaleResult = {
    kind: "scale",
    startedAt,
    seconds: (performance.now() - started) / 1000,
    machine: host,
    options,
    datasets,
    measurements: [...measurements].sort((a, b) => (a.query === b.query ? a.size - b.size : 0)),
  };
  // Group by query, then size, for the table.
  const order = [...new Set(measurements.map((row) => row.query))];
  result.measurements = order.flatMap((query) => measurements.filter((row) => row.query === query).sort((a, b) => a.size - b.size));
  console.log(`${machineLine(host)}\n`);
  console.log(importTable(result));
  console.log("");
  console.log(scaleTable(result));
  const written = writeResults(result);
  console.log(`\nWrote ${written.json} and ${written.summary} (run time ${(result.seconds / 60).toFixed(1)} min)`);
  return result;
}
