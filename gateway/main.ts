import "reflect-metadata";
import { type Config, loadConfig } from "../subgraphs/lib/config";
import { createLogger } from "../subgraphs/lib/logger";
import { stopOnSignals } from "../subgraphs/lib/shutdown";
import { failStartup, warnUnknownVariables } from "../subgraphs/lib/startup";
import { type RunMode, startSystem } from "./system";

// `npm start` (embedded), `npm run start:local` (--in-process), `npm run start:gateway` (--gateway-only).
const mode: RunMode = process.argv.includes("--in-process") ? "in-process" : process.argv.includes("--gateway-only") ? "gateway-only" : "embedded";
let logger = createLogger("gateway");
let config: Config | undefined;
const started = Date.now();
try {
  config = loadConfig();
  logger = createLogger("gateway", config.logLevel);
} catch (error) {
  failStartup(logger, "the gateway", error);
}
warnUnknownVariables(logger);
const settings = config;
startSystem(settings, mode, logger).then(
  (system) => {
    logger.info({ mode, startupMs: Date.now() - started }, `conflict-graph gateway ready at ${system.url}`);
    stopOnSignals(() => system.stop(), logger, settings.shutdownDeadlineMs);
  },
  (error: unknown) => failStartup(logger, "the gateway", error, settings),
);
