// `npm run bench` (main comparison) and `npm run bench:scale` (`--scale`): see bench/README.md.
import "./env";
import "reflect-metadata";
import { runComparison } from "./compare";
import { parseOptions } from "./options";
import { Cleanup } from "./processes";
import { runScale } from "./scale";

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const cleanup = new Cleanup();
  try {
    if (options.scale) await runScale(options, cleanup);
    else await runComparison(options, cleanup);
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
