import { randomBytes } from "node:crypto";

// Imported first by the benchmark's entry points: Apollo's gateway sends anonymous usage telemetry
// unless told not to, and every service is measured as it runs in production.
process.env.APOLLO_TELEMETRY_DISABLED = "1";
process.env.NODE_ENV ??= "production";

/** The environment every process of a benchmark run gets (children inherit these on top of their own). */
export const BENCH_ENV: Record<string, string> = {
  APOLLO_TELEMETRY_DISABLED: "1",
  // Production subgraphs answer only a gateway that sends their secret: one per run, shared by every setup.
  GATEWAY_SECRET: process.env.GATEWAY_SECRET ?? randomBytes(24).toString("base64url"),
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
};
