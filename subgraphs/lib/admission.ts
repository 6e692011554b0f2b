import type { RequestHandler } from "express";

/** How much work a service admits at once. */
export interface AdmissionLimits {
  /** Requests processed at the same time; the rest wait their turn. */
  maxInFlight: number;
  /** Requests allowed to wait; beyond that, 503 with Retry-After. */
  maxQueued: number;
}

/**
 * First-in, first-out admission: at most `maxInFlight` requests run at once and the others wait in
 * arrival order. Under overload every request then waits about as long as the others, instead of
 * all of them interleaving on the event loop and the unlucky ones waiting many times the average
 * (measured with 500 clients: p99 8.2 s and 547 client timeouts without it; see the issue-4 note).
 * When `maxQueued` requests already wait, a new one is refused at once with 503 and Retry-After.
 */
export function admissionControl(limits: AdmissionLimits, onRejected: (response: Parameters<RequestHandler>[1]) => void): RequestHandler {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight -= 1;
  };
  return (_request, response, next) => {
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release();
    };
    const start = () => {
      response.once("finish", done);
      response.once("close", done);
      next();
    };
    if (inFlight < limits.maxInFlight) {
      inFlight += 1;
      start();
    } else if (waiting.length < limits.maxQueued) {
      waiting.push(start);
    } else {
      onRejected(response);
    }
  };
}
