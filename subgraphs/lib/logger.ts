import pino from "pino";

/** A structured JSON logger; `name` tags every line with the process part that wrote it. */
export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? "info"): pino.Logger {
  return pino({ name, level });
}

/** The logger type used across the code base. */
export type Logger = pino.Logger;
