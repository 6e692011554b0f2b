import "reflect-metadata";
import { loadConfig } from "../subgraphs/lib/config";
import { createLogger } from "../subgraphs/lib/logger";
import { stopOnSignals } from "../subgraphs/lib/shutdown";
import { type RunMode, startSystem } from "./system";

// `npm start` (embedded), `npm run start:local` (--in-process), `npm run start:gateway` (--gateway-only).
const mode: RunMode = process.argv.includes("--in-process") ? "in-process" : process.argv.includes("--gateway-only") ? "gateway-only" : "embedded";
const config = loadConfig();
const logger = createLogger("gateway", config.logLevel);
const started = Date.now();
startSystem(config, mode, logger).then(
  (system) => {
    logger.info({ mode, startupMs: Date.now() - started }, `conflict-graph gateway ready at ${system.url}`);
    stopOnSignals(() => system.stop(), logger, config.shutdownDeadlineMs);
  },
  (error: unknown) => {
    // The reason in the message itself, so the one line an operator reads says what to do.
    logger.fatal({ err: error }, `could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
