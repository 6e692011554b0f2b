import type { Logger } from "./logger";

/**
 * On SIGTERM or SIGINT: run `stop` (stop accepting, finish in-flight requests, close databases) and
 * exit 0; exit 1 if it fails or takes longer than `deadlineMs`.
 */
export function stopOnSignals(stop: () => Promise<void>, logger: Logger, deadlineMs = 10_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      logger.error({ deadlineMs }, "shutdown deadline passed; exiting");
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", handler);
  process.once("SIGINT", handler);
}
