import { type Config, ConfigError, SUBGRAPH_NAMES, unknownVariables } from "./config";
import type { Logger } from "./logger";

/** Which variable sets each port of this configuration (to name it when the port is taken). */
function portVariables(config: Config | undefined): Map<number, string> {
  const ports = new Map<number, string>();
  if (!config) return ports;
  ports.set(config.gatewayPort, "GATEWAY_PORT");
  for (const name of SUBGRAPH_NAMES) ports.set(config.subgraphs[name].port, `${name.toUpperCase()}_PORT`);
  return ports;
}

/**
 * One line saying why a process could not start and what to change: a configuration error names
 * its variables; a port in use names the variable that chose it. Anything else is its message.
 */
export function startupProblem(error: unknown, config?: Config): string {
  if (error instanceof ConfigError) return error.message;
  const { code, port, address } = error as { code?: string; port?: number; address?: string };
  const variable = port !== undefined ? (portVariables(config).get(port) ?? "the port setting") : "the port setting";
  if (code === "EADDRINUSE") return `Port ${port} on ${address} is already in use: stop what is listening there, or set ${variable} to a free port.`;
  if (code === "EACCES") return `Not allowed to listen on port ${port} (ports below 1024 need privileges): set ${variable} to a port above 1024.`;
  if (code === "EADDRNOTAVAIL") return `HOST=${address} is not an address of this machine: set HOST to one of its addresses (127.0.0.1, 0.0.0.0).`;
  return error instanceof Error ? error.message : String(error);
}

/** Logs, as warnings, the variables that look like the project's but are not read (typos). */
export function warnUnknownVariables(logger: Logger, env: NodeJS.ProcessEnv = process.env): void {
  for (const warning of unknownVariables(env)) logger.warn(warning);
}

/** Ends a process that could not start: one fatal line (no stack trace), exit code 1. */
export function failStartup(logger: Logger, what: string, error: unknown, config?: Config): never {
  logger.fatal(`could not start ${what}: ${startupProblem(error, config)}`);
  process.exit(1);
}
