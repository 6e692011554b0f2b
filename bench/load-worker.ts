// The load generator's own process (see load.ts): autocannon driven through its API, so that each
// request can carry the next body of a list. Reads a JSON job file (argv[2]): url, bodies, the index
// of the first body, connections, seconds. Prints autocannon's result as JSON on its last line.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** What load.ts asks this process to send. */
export interface LoadJob {
  url: string;
  /** Request bodies, sent in turn from `start` (wrapping around at the end). */
  bodies: string[];
  start: number;
  connections: number;
  seconds: number;
}

/** The part of autocannon's API used here (the package ships no types). */
type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    requests: { method: string; headers: Record<string, string>; setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }[];
  },
  done: (error: Error | null, result: unknown) => void,
) => unknown;

const job = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as LoadJob;
const autocannon = createRequire(__filename)("autocannon") as Autocannon;
let next = job.start;
autocannon(
  {
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        // Called for every request sent: each takes the next body, whichever connection sends it.
        setupRequest: (request) => ({ ...request, body: job.bodies[next++ % job.bodies.length] }),
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    console.log(JSON.stringify(result));
  },
);
