import type { GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { Request } from "express";
import { requestLog } from "../subgraphs/lib/access-log";
import type { Logger } from "../subgraphs/lib/logger";

/** The gateway's context for one operation: the request's logger and what the access log reports. */
export interface GatewayContext {
  log: Logger;
  /** The HTTP request, whose observation collects the subgraphs called. */
  request: Request;
}

/** Makes the gateway's context for a request. */
export function gatewayContext(request: Request): GatewayContext {
  return { log: requestLog(request), request };
}

/** The gateway context a subgraph call was made for; none for health checks and schema loading. */
export function gatewayContextOf(options: GraphQLDataSourceProcessOptions): GatewayContext | undefined {
  const context = "context" in options ? (options.context as Partial<GatewayContext> | undefined) : undefined;
  return context?.log && context.request ? (context as GatewayContext) : undefined;
}
