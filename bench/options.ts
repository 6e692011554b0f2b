import { parseArgs } from "node:util";

/** `same`: every request alike (deduplication and caches can help); `distinct`: no two alike. */
export type Workload = "same" | "distinct";
const WORKLOADS: readonly Workload[] = ["same", "distinct"];

/** What a benchmark run measures, from the command line. */
export interface BenchOptions {
  /** Generated incidents on top of the real seed (main mode). */
  incidents: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** Seconds of measured load per cell. */
  duration: number;
  /** Seconds of unmeasured load before each cell. */
  warmup: number;
  /** Scenario ids to run (1-4); all by default. */
  scenarios: number[];
  /** Setups to run (a-g); all by default. */
  setups: string[];
  /** Workloads: `same` (one request again and again), `distinct` (every request different); both by default. */
  workloads: Workload[];
  /** Scale mode instead of the main table. */
  scale: boolean;
  /** Dataset sizes of scale mode. */
  sizes: number[];
  /** Sequential requests per query and size in scale mode. */
  requests: number;
  /** Scale mode: stop measuring a query after this many seconds (a slow query at 1M gets fewer requests). */
  maxSeconds: number;
  /** Incidents generated and imported per slice. */
  slice: number;
  /**
   * Scale mode: keep each size's databases in `<keepData>/scale-<size>` and reuse them on the next
   * run (a 1M import takes minutes; comparing two versions of the code on the same data needs it once).
   */
  keepData?: string;
}

const USAGE = `Usage: npm run bench -- [options]
  --incidents N      generated incidents on top of the real seed (default 10000)
  --connections N    concurrent connections of autocannon (default 10)
  --duration S       measured seconds per cell (default 10)
  --warmup S         unmeasured seconds before each cell (default 2)
  --scenarios 1,2    only these scenarios (1-4)
  --setups a,b       only these setups (a-g)
  --workloads same   only these workloads: same (identical requests), distinct (all different)
  --scale            scale mode: latency as the dataset grows
  --sizes 10000,...  dataset sizes of scale mode (default 10000,100000,1000000)
  --requests N       sequential requests per query and size in scale mode (default 200)
  --max-seconds S    scale mode: at most S seconds of requests per query and size (default 60)
  --slice N          incidents generated and imported at a time (default 5000)
  --keep-data DIR    scale mode: keep each size's databases in DIR/scale-<size> and reuse them next time`;

function positiveInteger(name: string, text: string): number {
  const value = Number(text.replace(/_/g, ""));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, not "${text}"\n${USAGE}`);
  return value;
}

/** Parses the benchmark's command line; throws with the usage on a bad option. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      incidents: { type: "string", default: "10000" },
      connections: { type: "string", default: "10" },
      duration: { type: "string", default: "10" },
      warmup: { type: "string", default: "2" },
      scenarios: { type: "string", default: "1,2,3,4" },
      setups: { type: "string", default: "a,b,c,d,e,f,g" },
      workloads: { type: "string", default: "same,distinct" },
      scale: { type: "boolean", default: false },
      sizes: { type: "string", default: "10000,100000,1000000" },
      requests: { type: "string", default: "200" },
      slice: { type: "string", default: "5000" },
      "max-seconds": { type: "string", default: "60" },
      "keep-data": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const list = (text: string) =>
    text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
  const scenarios = list(values.scenarios).map((item) => positiveInteger("scenarios", item));
  const setups = list(values.setups).map((item) => item.toLowerCase());
  if (scenarios.some((id) => id > 4)) throw new Error(`--scenarios takes ids 1 to 4\n${USAGE}`);
  if (setups.some((id) => !["a", "b", "c", "d", "e", "f", "g"].includes(id))) throw new Error(`--setups takes a, b, c, d, e, f, g\n${USAGE}`);
  const workloads = list(values.workloads).map((item) => item.toLowerCase());
  if (!workloads.length || workloads.some((item) => !WORKLOADS.includes(item as Workload))) throw new Error(`--workloads takes same, distinct\n${USAGE}`);
  return {
    incidents: positiveInteger("incidents", values.incidents),
    connections: positiveInteger("connections", values.connections),
    duration: positiveInteger("duration", values.duration),
    warmup: Number(values.warmup) >= 0 ? Number(values.warmup) : 2,
    scenarios,
    setups,
    workloads: workloads as Workload[],
    scale: values.scale,
    sizes: list(values.sizes).map((item) => positiveInteger("sizes", item)),
    requests: positiveInteger("requests", values.requests),
    slice: positiveInteger("slice", values.slice),
    maxSeconds: positiveInteger("max-seconds", values["max-seconds"]),
    keepData: values["keep-data"],
  };
}
