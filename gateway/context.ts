import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Request } from "express";
import { requestLog } from "../subgraphs/lib/access-log";
import type { Logger } from "../subgraphs/lib/logger";
import type { Caller, TokenVerifier } from "./auth";

/** The gateway's context for one operation: the request's logger and what the access log reports. */
export interface GatewayContext {
  log: Logger;
  /** The HTTP request, whose observation collects the subgraphs called. */
  request: Request;
  /** The caller its bearer token names (verified), undefined without a token, "invalid" for a token that did not verify. */
  caller: Caller;
}

/** Makes the gateway's context for a request, verifying its bearer token (if any) once. */
export async function gatewayContext(request: Request, verify?: TokenVerifier): Promise<GatewayContext> {
  const caller = verify ? await verify(request.headers.authorization) : request.headers.authorization ? "invalid" : undefined;
  return { log: requestLog(request), request, caller };
}

/** The gateway context a subgraph call was made for; none for health checks and schema loading. */
export function gatewayContextOf(options: GraphQLDataSourceProcessOptions): GatewayContext | undefined {
  const context = "context" in options ? (options.context as Partial<GatewayContext> | undefined) : undefined;
  return context?.log && context.request ? (context as GatewayContext) : undefined;
}
