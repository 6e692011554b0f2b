import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { pinoHttp } from "pino-http";
import type { Logger } from "./logger";

/** One subgraph call made for a request (gateway only). */
export interface SubgraphFetch {
  name: string;
  durationMs: number;
  /** Why it failed (`timeout`, `unreachable`, ...), when it did. */
  failure?: string;
}

/** What a request did, filled in while it runs and written on its access-log line. */
export interface RequestObservation {
  /** The operation's name, once Apollo Server knows it. */
  operation?: string;
  /** The subgraphs the gateway called for it, in the order they answered. */
  subgraphs: SubgraphFetch[];
}

const observations = new WeakMap<IncomingMessage, RequestObservation>();

/** The observation of a request (made on first use). */
export function observationOf(request: IncomingMessage): RequestObservation {
  let observation = observations.get(request);
  if (!observation) {
    observation = { subgraphs: [] };
    observations.set(request, observation);
  }
  return observation;
}

/** The request's own logger (every line carries its `requestId`), set by `accessLog`. */
export function requestLog(request: IncomingMessage): Logger {
  return request.log;
}

/** Paths logged at debug level only: probes and scrapes would drown the requests that matter. */
const QUIET = /^\/(health|metrics)(\/|$|\?)/;
/** Headers no log line may carry (the std serializer is not used, but an error object might hold them). */
const SECRET_PATHS = ["req.headers.authorization", 'req.headers["x-gateway-secret"]', "req.headers.cookie", 'res.headers["set-cookie"]'];

/** The path as received (express rewrites `url` inside mounted routers). */
const pathOf = (request: IncomingMessage) => ((request as { originalUrl?: string }).originalUrl ?? request.url ?? "").split("?")[0] ?? "";

/** The fields of an access-log line: compact, no headers at all. */
function accessFields(request: IncomingMessage, response: ServerResponse, durationMs: unknown) {
  const observation = observations.get(request);
  return {
    method: request.method,
    path: pathOf(request).slice(0, 200),
    status: response.statusCode,
    durationMs,
    operation: observation?.operation,
    subgraphs: observation?.subgraphs.length ? observation.subgraphs : undefined,
  };
}

/**
 * One access-log line per request (pino-http), written when the response ends: request id (the one
 * the request-id middleware settled on, so it must run first), method, path, status, duration,
 * operation and, on the gateway, the subgraphs called with their durations. `/graphql` logs at info
 * (error at 5xx), `/health` and `/metrics` at debug. Sets `request.log`, a child logger with the
 * request id, for everything else the request logs.
 */
export function accessLog(logger: Logger, requestIdOf: (request: IncomingMessage) => string): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: requestIdOf,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: "requestId", responseTime: "durationMs" },
    redact: { paths: SECRET_PATHS, censor: "[redacted]" },
    customLogLevel: (request, response, error) => (error || response.statusCode >= 500 ? "error" : QUIET.test(pathOf(request)) ? "debug" : "info"),
    customSuccessObject: (request, response, value: { durationMs?: number }) => accessFields(request, response, value.durationMs),
    customErrorObject: (request, response, error, value: { durationMs?: number }) => ({ ...accessFields(request, response, value.durationMs), err: error }),
  }) as unknown as RequestHandler;
}
