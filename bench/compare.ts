import { setTimeout as sleep } from "node:timers/promises";
import { startSystem } from "../gateway/system";
import { loadConfig, type SubgraphName } from "../subgraphs/lib/config";
import type { Database } from "../subgraphs/lib/data-source";
import { createLogger } from "../subgraphs/lib/logger";
import { ownCpuMs, processCpuMs } from "./cpu";
import { makeDataDir, prepareData, removeDataDir } from "./dataset";
import { BENCH_ENV } from "./env";
import { canonical, postJson, problem } from "./http";
import { autocannon } from "./load";
import type { BenchOptions } from "./options";
import {
  type Cleanup,
  type DistributedSubgraphs,
  scrapeMetric,
  type Service,
  startDistributedSubgraphs,
  startGatewayProcess,
  startHiveGateway,
  startStockGateway,
} from "./processes";
import { inProcessSubgraphs, recordPlans, startReferenceServer } from "./reference";
import {
  busyWarning,
  type Cell,
  cpuText,
  machine,
  machineLine,
  type MainResult,
  mainTable,
  type ScenarioReport,
  type SetupId,
  SETUPS,
  writeResults,
} from "./report";
import type { Workload } from "./options";
import { type DatasetKeys, distinctBodies, KEYS_QUERY, requestBody, type Scenario, scenarios } from "./scenarios";

/** CPU ms used so far by a setup's processes: the gateway's and the subgraphs' (0 when in-process). */
interface CpuReading {
  gateway: number;
  subgraphs: number;
}

/** Where a setup answers, and how to read the SQL statements, subgraph calls, cache hits and CPU time it has used so far. */
interface Endpoint {
  url(scenario: Scenario): string;
  sqlTotal(): Promise<number>;
  /** Subgraph operations run so far (counted by the subgraphs, or by the in-process gateway). */
  subgraphCalls(): Promise<number>;
  /** Whole responses the gateway answered from its response cache so far (0 for a gateway without one). */
  cacheHits(): Promise<number>;
  /** Undefined where CPU time of other processes cannot be read (no /proc). */
  cpu(): CpuReading | undefined;
}

/** The CPU reading of separate processes: a gateway and the three subgraphs. */
function processesCpu(gateway: Service, subgraphs: DistributedSubgraphs): () => CpuReading | undefined {
  return () => {
    const own = processCpuMs(gateway.child.pid);
    const parts = Object.values(subgraphs.services).map((service) => processCpuMs(service.child.pid));
    if (own === undefined || parts.some((part) => part === undefined)) return undefined;
    return { gateway: own, subgraphs: parts.reduce<number>((sum, part) => sum + (part ?? 0), 0) };
  };
}

/** The counter of a response cache's hits on a gateway's `/metrics`, 0 while it has none. */
const RESPONSE_CACHE_HITS = "response_cache_hits_total";
const noCache = async () => 0;

/** The CPU reading of this process (setups served in it: everything counts as "gateway"). */
const inProcessCpu = (): CpuReading => ({ gateway: ownCpuMs(), subgraphs: 0 });

/** Sums the statement counters of databases opened in this process. */
function inProcessSqlTotal(databases: Record<SubgraphName, Database>): () => Promise<number> {
  return async () => Object.values(databases).reduce((sum, db) => sum + db.sql.total, 0);
}

/**
 * Reads a statement counter once it has stopped moving: requests still in flight when autocannon
 * stopped finish on the server (nobody cancels them), and their statements must land on the right
 * side of the reading.
 */
async function settled(read: () => Promise<number>): Promise<number> {
  let last = await read();
  for (let i = 0; i < 100; i++) {
    await sleep(150);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** The operations of a plan, as `subgraph:Query` labels. */
function planLabels(operations: { subgraph: string; query: string }[]): string[] {
  return operations.map((operation) => {
    const entities = /_entities/.test(operation.query);
    const root = /\{\s*([A-Za-z_]+)/.exec(operation.query.replace(/^[^{]*/, ""))?.[1];
    return `${operation.subgraph}.${entities ? "_entities" : (root ?? "?")}`;
  });
}

/** How many requests of a distinct workload every setup answers, compared, before the load. */
const VERIFIED_SAMPLE = 8;

/** Every incident with the cursor that pages after it, read page by page through a gateway. */
async function datasetKeys(url: string): Promise<DatasetKeys> {
  type Page = { incidents: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { cursor: string; node: { id: string } }[] } };
  const incidents: DatasetKeys["incidents"] = [];
  let after: string | null = null;
  for (;;) {
    const answer = await postJson(url, requestBody({ query: KEYS_QUERY, variables: { first: 100, after } }));
    const failure = problem(answer);
    if (failure) throw new Error(`reading the dataset's keys: ${failure}`);
    const page = (answer.body.data as Page).incidents;
    incidents.push(...page.edges.map((edge) => ({ id: edge.node.id, cursor: edge.cursor })));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return { incidents };
    after = page.pageInfo.endCursor;
  }
}

/**
 * The main comparison: four scenarios, each with identical requests and with all-different ones, on
 * six setups, over one SQLite dataset (the real seed and `options.incidents` generated incidents),
 * load from autocannon in a separate process.
 */
export async function runComparison(options: BenchOptions, cleanup: Cleanup): Promise<MainResult> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const host = await machine();
  console.log(`conflict-graph benchmark — ${machineLine(host)}`);
  const busy = busyWarning(host);
  if (busy) console.warn(busy);
  console.log(
    `SQLite, real seed + ${options.incidents.toLocaleString("en-US")} generated incidents; autocannon ${options.connections} connections, ${options.duration} s per cell after ${options.warmup} s warm-up\n`,
  );

  const dataDir = makeDataDir("main");
  cleanup.add("remove data folder", () => removeDataDir(dataDir));
  console.log(`Preparing data in ${dataDir}`);
  const dataset = await prepareData(dataDir, options.incidents, options.slice);
  console.log(`  imported in ${dataset.importSeconds.toFixed(1)} s (${Math.round(dataset.importRate)} incidents/s), ${dataset.databaseMb.toFixed(0)} MB\n`);

  const logger = createLogger("bench", "warn");
  const config = loadConfig({ ...BENCH_ENV, GATEWAY_PORT: "0", INCIDENT_PORT: "0", ACTOR_PORT: "0", STATEMENT_PORT: "0", DATA_DIR: dataDir });
  const list = scenarios().filter((scenario) => options.scenarios.includes(scenario.id));
  const setups = (Object.keys(SETUPS) as SetupId[]).filter((id) => options.setups.includes(id));

  console.log("Starting setups");
  const system = await startSystem(config, "in-process", logger);
  cleanup.add("stop in-process system", () => system.stop());
  const databases = system.databases as Record<SubgraphName, Database>;
  const sources = await inProcessSubgraphs(databases, { maxPageSize: config.maxPageSize });
  const plans = await recordPlans(sources, list, logger);
  const reference = await startReferenceServer(sources, plans);
  cleanup.add("stop reference server", () => reference.stop());

  const systemBase = new URL(system.url).origin;
  const endpoints: Partial<Record<SetupId, Endpoint>> = {
    a: {
      url: (scenario) => reference.url(scenario.id),
      sqlTotal: inProcessSqlTotal(databases),
      subgraphCalls: async () => reference.operations(),
      cacheHits: noCache,
      cpu: inProcessCpu,
    },
    b: {
      url: () => system.url,
      sqlTotal: inProcessSqlTotal(databases),
      subgraphCalls: () => scrapeMetric(systemBase, "subgraph_fetch_duration_seconds_count"),
      cacheHits: () => scrapeMetric(systemBase, RESPONSE_CACHE_HITS),
      cpu: inProcessCpu,
    },
  };
  if (setups.some((id) => ["c", "d", "e", "f", "g"].includes(id))) {
    const distributed: DistributedSubgraphs = await startDistributedSubgraphs(cleanup, dataDir);
    const separate = (service: Service, cacheHits: () => Promise<number>): Endpoint => ({
      url: () => service.url,
      sqlTotal: () => distributed.sqlTotal(),
      subgraphCalls: () => distributed.graphqlRequests(),
      cacheHits,
      cpu: processesCpu(service, distributed),
    });
    if (setups.includes("c")) {
      const gateway: Service = await startGatewayProcess(cleanup, distributed);
      endpoints.c = separate(gateway, () => scrapeMetric(gateway.base, RESPONSE_CACHE_HITS));
    }
    if (setups.includes("g")) {
      const uncached: Service = await startGatewayProcess(cleanup, distributed, { RESPONSE_CACHE: "false" });
      endpoints.g = separate(uncached, () => scrapeMetric(uncached.base, RESPONSE_CACHE_HITS));
    }
    if (setups.includes("d")) endpoints.d = separate(await startStockGateway(cleanup, distributed), noCache);
    for (const [id, planner] of [
      ["e", "js"],
      ["f", "rust"],
    ] as const) {
      if (setups.includes(id)) endpoints[id] = separate(await startHiveGateway(cleanup, distributed, planner), noCache);
    }
  }
  console.log(`  ready: ${setups.map((id) => SETUPS[id]).join("; ")}\n`);

  const reports: ScenarioReport[] = list.map((scenario) => ({
    id: scenario.id,
    name: scenario.name,
    description: scenario.description,
    plan: planLabels(plans.get(scenario.id) ?? []),
  }));
  for (const report of reports) console.log(`Scenario ${report.id} ${report.name}: ${report.plan.length} subgraph operations (${report.plan.join(" → ")})`);
  console.log("");

  // The request bodies of each scenario and workload: one body, or (distinct) thousands, no two alike.
  const bodies = new Map<string, string[]>();
  const keys = options.workloads.includes("distinct") ? await datasetKeys(system.url) : undefined;
  for (const scenario of list) {
    if (options.workloads.includes("same")) bodies.set(`${scenario.id}same`, [requestBody(scenario)]);
    if (keys) bodies.set(`${scenario.id}distinct`, distinctBodies(scenario, keys));
  }
  if (keys)
    console.log(
      `Distinct workload: ${list.map((scenario) => `${bodies.get(`${scenario.id}distinct`)!.length} different requests for scenario ${scenario.id}`).join(", ")}\n`,
    );
  /** (a) replays one recorded plan: it has no distinct workload. */
  const runs = (workload: Workload) => setups.filter((setup) => workload === "same" || setup !== "a");

  // 1. Verify every cell before spending minutes on load: one request alone, clean, and (for the
  //    gateways) the same data as the first gateway setup; for the distinct workload, a sample of
  //    its requests spread over the list.
  const verified = new Map<string, { sqlSingleRequest: number; sameDataAsInProcess?: boolean }>();
  for (const scenario of list) {
    for (const workload of options.workloads) {
      const all = bodies.get(`${scenario.id}${workload}`)!;
      const sample =
        workload === "same" ? all : Array.from({ length: VERIFIED_SAMPLE }, (_, index) => all[Math.floor((index * all.length) / VERIFIED_SAMPLE)]!);
      const expected: (string | undefined)[] = [];
      for (const setup of runs(workload)) {
        const endpoint = endpoints[setup]!;
        let sqlSingleRequest = 0;
        let sameDataAsInProcess: boolean | undefined = setup === "a" ? undefined : true;
        for (const [index, body] of sample.entries()) {
          const before = await settled(() => endpoint.sqlTotal());
          const answer = await postJson(endpoint.url(scenario), body);
          if (index === 0) sqlSingleRequest = (await settled(() => endpoint.sqlTotal())) - before;
          const failure = problem(answer);
          if (failure)
            throw new Error(`${SETUPS[setup]} does not answer scenario ${scenario.id} (${scenario.name}, ${workload}) cleanly: ${failure}\nrequest: ${body}`);
          if (setup === "a") continue;
          const data = canonical(answer.body.data);
          expected[index] ??= data;
          if (data !== expected[index]) {
            sameDataAsInProcess = false;
            console.warn(
              `  warning: ${SETUPS[setup]} answers scenario ${scenario.id} (${workload}) with different data than the first gateway setup for ${body}`,
            );
          }
        }
        verified.set(`${scenario.id}${workload}${setup}`, { sqlSingleRequest, sameDataAsInProcess });
      }
    }
  }
  console.log(`Verified ${verified.size} cells: every setup answers every scenario without errors.`);

  // Where each setup is in a distinct list: it never gets a request it already answered (until the
  // list runs out), warm-up included.
  const offsets = new Map<string, number>();
  const load = async (setup: SetupId, scenario: Scenario, workload: Workload, seconds: number) => {
    const key = `${scenario.id}${workload}${setup}`;
    const start = offsets.get(key) ?? 0;
    const result = await autocannon({
      url: endpoints[setup]!.url(scenario),
      body: bodies.get(`${scenario.id}${workload}`)!,
      start,
      connections: options.connections,
      seconds,
    });
    offsets.set(key, start + result.sent);
    return result;
  };

  // 2. Warm every process up on every scenario first: the JIT needs more than a couple of seconds,
  //    and without this the setup measured first on the shared subgraph processes ((c) before (d))
  //    would pay for warming them up for the other.
  if (options.warmup > 0) {
    console.log(`Warming up (${options.warmup} s per cell)...`);
    for (const scenario of list)
      for (const workload of options.workloads) for (const setup of runs(workload)) await load(setup, scenario, workload, options.warmup);
  }
  console.log("");

  // 3. Measure, each cell after its own short warm-up.
  const cells: Cell[] = [];
  for (const scenario of list) {
    for (const workload of options.workloads) {
      for (const setup of runs(workload)) {
        const endpoint = endpoints[setup]!;
        const { sqlSingleRequest, sameDataAsInProcess } = verified.get(`${scenario.id}${workload}${setup}`)!;
        if (options.warmup > 0) await load(setup, scenario, workload, options.warmup);
        const readings = async () => ({
          sql: await settled(() => endpoint.sqlTotal()),
          calls: await endpoint.subgraphCalls(),
          hits: await endpoint.cacheHits(),
        });
        const before = await readings();
        const cpuBefore = endpoint.cpu();
        const result = await load(setup, scenario, workload, options.duration);
        const after = await readings();
        const cpuAfter = endpoint.cpu();
        // Every request sent was executed (the ones in flight at the stop too), so divide by `sent`.
        const perRequest = (from: number, to: number) => (result.sent ? (to - from) / result.sent : Number.NaN);
        const separate = ["c", "d", "e", "f", "g"].includes(setup);
        const subgraphCallsPerRequest = perRequest(before.calls, after.calls);
        const cacheHitRate = perRequest(before.hits, after.hits);
        const cell: Cell = {
          scenario: scenario.id,
          scenarioName: scenario.name,
          workload,
          setup,
          setupName: SETUPS[setup],
          load: result,
          sqlPerRequest: perRequest(before.sql, after.sql),
          sqlSingleRequest,
          subgraphCallsPerRequest,
          cacheHitRate,
          cpuMsPerRequest:
            cpuBefore && cpuAfter
              ? {
                  total: perRequest(cpuBefore.gateway + cpuBefore.subgraphs, cpuAfter.gateway + cpuAfter.subgraphs),
                  gateway: separate ? perRequest(cpuBefore.gateway, cpuAfter.gateway) : undefined,
                  subgraphs: separate ? perRequest(cpuBefore.subgraphs, cpuAfter.subgraphs) : undefined,
                }
              : undefined,
          sameDataAsInProcess,
        };
        cells.push(cell);
        console.log(
          `  ${scenario.id} ${scenario.name.padEnd(15)} ${workload.padEnd(8)} ${setup}: ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms  SQL/req ${cell.sqlPerRequest.toFixed(1)} (alone ${sqlSingleRequest})  calls/req ${subgraphCallsPerRequest.toFixed(2)}  CPU ms/req ${cpuText(cell)}  cache hits ${(cacheHitRate * 100).toFixed(0)}%  non2xx ${result.non2xx} errors ${result.errors + result.timeouts}`,
        );
      }
    }
  }
  for (const cell of cells) {
    const baseline = cells.find((other) => other.scenario === cell.scenario && other.workload === "same" && other.setup === "a");
    if (cell.workload !== "same") continue;
    if (!baseline) continue;
    cell.rpsRatio = cell.load.rps / baseline.load.rps;
    cell.p50Ratio = baseline.load.p50 > 0 ? cell.load.p50 / baseline.load.p50 : undefined;
  }

  const result: MainResult = {
    kind: "main",
    startedAt,
    seconds: (performance.now() - started) / 1000,
    machine: host,
    options,
    dataset,
    scenarios: reports,
    cells,
  };
  console.log(`\n${machineLine(host)}\n`);
  console.log(mainTable(result));
  const written = writeResults(result);
  console.log(`\nWrote ${written.json} and ${written.summary} (run time ${(result.seconds / 60).toFixed(1)} min)`);
  return result;
}
