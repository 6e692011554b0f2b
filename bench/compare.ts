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
import { requestBody, type Scenario, scenarios } from "./scenarios";

/** CPU ms used so far by a setup's processes: the gateway's and the subgraphs' (0 when in-process). */
interface CpuReading {
  gateway: number;
  subgraphs: number;
}

/** Where a setup answers, and how to read the SQL statements and CPU time it has used so far. */
interface Endpoint {
  url(scenario: Scenario): string;
  sqlTotal(): Promise<number>;
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

/**
 * The main comparison: four scenarios on four setups, over one SQLite dataset (the real seed and
 * `options.incidents` generated incidents), load from autocannon in a separate process.
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

  const endpoints: Partial<Record<SetupId, Endpoint>> = {
    a: { url: (scenario) => reference.url(scenario.id), sqlTotal: inProcessSqlTotal(databases), cpu: inProcessCpu },
    b: { url: () => system.url, sqlTotal: inProcessSqlTotal(databases), cpu: inProcessCpu },
  };
  if (setups.some((id) => ["c", "d", "e", "f", "g"].includes(id))) {
    const distributed: DistributedSubgraphs = await startDistributedSubgraphs(cleanup, dataDir);
    if (setups.includes("c")) {
      const gateway: Service = await startGatewayProcess(cleanup, distributed);
      endpoints.c = { url: () => gateway.url, sqlTotal: () => distributed.sqlTotal(), cpu: processesCpu(gateway, distributed) };
    }
    if (setups.includes("g")) {
      const uncached: Service = await startGatewayProcess(cleanup, distributed, { RESPONSE_CACHE: "false" });
      endpoints.g = { url: () => uncached.url, sqlTotal: () => distributed.sqlTotal(), cpu: processesCpu(uncached, distributed) };
    }
    if (setups.includes("d")) {
      const stock: Service = await startStockGateway(cleanup, distributed);
      endpoints.d = { url: () => stock.url, sqlTotal: () => distributed.sqlTotal(), cpu: processesCpu(stock, distributed) };
    }
    for (const [id, planner] of [
      ["e", "js"],
      ["f", "rust"],
    ] as const) {
      if (!setups.includes(id)) continue;
      const hive: Service = await startHiveGateway(cleanup, distributed, planner);
      endpoints[id] = { url: () => hive.url, sqlTotal: () => distributed.sqlTotal(), cpu: processesCpu(hive, distributed) };
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

  // 1. Verify every cell before spending minutes on load: one request alone, clean, and (for the
  //    gateways) the same data as the first gateway setup.
  const verified = new Map<string, { sqlSingleRequest: number; sameDataAsInProcess?: boolean }>();
  for (const scenario of list) {
    const body = requestBody(scenario);
    let inProcessData: string | undefined;
    for (const setup of setups) {
      const endpoint = endpoints[setup]!;
      const before = await settled(() => endpoint.sqlTotal());
      const answer = await postJson(endpoint.url(scenario), body);
      const sqlSingleRequest = (await settled(() => endpoint.sqlTotal())) - before;
      const failure = problem(answer);
      if (failure) throw new Error(`${SETUPS[setup]} does not answer scenario ${scenario.id} (${scenario.name}) cleanly: ${failure}`);
      let sameDataAsInProcess: boolean | undefined;
      if (setup !== "a") {
        const data = canonical(answer.body.data);
        inProcessData ??= data;
        sameDataAsInProcess = data === inProcessData;
        if (!sameDataAsInProcess)
          console.warn(`  warning: ${SETUPS[setup]} answers scenario ${scenario.id} with different data than ${SETUPS[setups.find((id) => id !== "a")!]}`);
      }
      verified.set(`${scenario.id}${setup}`, { sqlSingleRequest, sameDataAsInProcess });
    }
  }
  console.log(`Verified ${list.length * setups.length} cells: every setup answers every scenario without errors.`);

  // 2. Warm every process up on every scenario first: the JIT needs more than a couple of seconds,
  //    and without this the setup measured first on the shared subgraph processes ((c) before (d))
  //    would pay for warming them up for the other.
  if (options.warmup > 0) {
    console.log(`Warming up (${options.warmup} s per cell)...`);
    for (const scenario of list) {
      for (const setup of setups) {
        await autocannon({ url: endpoints[setup]!.url(scenario), body: requestBody(scenario), connections: options.connections, seconds: options.warmup });
      }
    }
  }
  console.log("");

  // 3. Measure, each cell after its own short warm-up.
  const cells: Cell[] = [];
  for (const scenario of list) {
    const body = requestBody(scenario);
    for (const setup of setups) {
      const endpoint = endpoints[setup]!;
      const url = endpoint.url(scenario);
      const { sqlSingleRequest, sameDataAsInProcess } = verified.get(`${scenario.id}${setup}`)!;
      if (options.warmup > 0) await autocannon({ url, body, connections: options.connections, seconds: options.warmup });
      const sqlBefore = await settled(() => endpoint.sqlTotal());
      const cpuBefore = endpoint.cpu();
      const load = await autocannon({ url, body, connections: options.connections, seconds: options.duration });
      const sqlAfter = await settled(() => endpoint.sqlTotal());
      const cpuAfter = endpoint.cpu();
      const perRequest = (before: number, after: number) => (load.sent ? (after - before) / load.sent : Number.NaN);
      const cell: Cell = {
        scenario: scenario.id,
        scenarioName: scenario.name,
        setup,
        setupName: SETUPS[setup],
        load,
        // Every request sent was executed (the ones in flight at the stop too), so divide by `sent`.
        sqlPerRequest: load.sent ? (sqlAfter - sqlBefore) / load.sent : Number.NaN,
        sqlSingleRequest,
        cpuMsPerRequest:
          cpuBefore && cpuAfter
            ? {
                total: perRequest(cpuBefore.gateway + cpuBefore.subgraphs, cpuAfter.gateway + cpuAfter.subgraphs),
                gateway: ["c", "d", "e", "f", "g"].includes(setup) ? perRequest(cpuBefore.gateway, cpuAfter.gateway) : undefined,
                subgraphs: ["c", "d", "e", "f", "g"].includes(setup) ? perRequest(cpuBefore.subgraphs, cpuAfter.subgraphs) : undefined,
              }
            : undefined,
        sameDataAsInProcess,
      };
      cells.push(cell);
      console.log(
        `  ${scenario.id} ${scenario.name.padEnd(15)} ${setup}: ${load.rps.toFixed(0).padStart(6)} req/s  p50 ${String(load.p50).padStart(4)} ms  p99 ${String(load.p99).padStart(4)} ms  SQL/req ${cell.sqlPerRequest.toFixed(1)} (alone ${sqlSingleRequest})  CPU ms/req ${cpuText(cell)}  non2xx ${load.non2xx} errors ${load.errors + load.timeouts}`,
      );
    }
  }
  for (const cell of cells) {
    const baseline = cells.find((other) => other.scenario === cell.scenario && other.setup === "a");
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
