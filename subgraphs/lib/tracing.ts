import type { IncomingHttpHeaders } from "node:http";
import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
  type TracerOptions,
  type TracerProvider,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import type { Request, RequestHandler } from "express";

/**
 * Tracers named `conflict-graph/<service>` report as that service: in embedded mode the gateway
 * and three subgraphs share one process, yet each appears as its own service in Jaeger or Tempo.
 */
const SERVICE_TRACER_PREFIX = "conflict-graph/";
/** The service handling the active request, kept in the OpenTelemetry context by `serverSpans`. */
const SERVICE_KEY = createContextKey("conflict-graph.service");

/**
 * One process's tracer provider. Every span goes through one batch processor and one OTLP exporter;
 * what differs per service is the resource (`service.name`), which the SDK fixes per provider, so
 * each service gets a lightweight provider of its own behind this one. Libraries that ask for any
 * other tracer (`@apollo/gateway`'s `apollo/gateway-js`) report as the process's own service.
 */
class ServiceTracerProvider implements TracerProvider {
  private readonly providers = new Map<string, NodeTracerProvider>();

  constructor(
    private readonly ownService: string,
    private readonly ownServiceName: string,
    private readonly processor: SpanProcessor,
  ) {}

  private provider(service: string): NodeTracerProvider {
    let provider = this.providers.get(service);
    if (!provider) {
      const name = service === this.ownService ? this.ownServiceName : service;
      provider = new NodeTracerProvider({ resource: new Resource({ [ATTR_SERVICE_NAME]: name }), spanProcessors: [this.processor] });
      this.providers.set(service, provider);
    }
    return provider;
  }

  getTracer(name: string, version?: string, options?: TracerOptions): Tracer {
    const service = name.startsWith(SERVICE_TRACER_PREFIX) ? name.slice(SERVICE_TRACER_PREFIX.length) : this.ownService;
    return this.provider(service).getTracer(name, version, options);
  }
}

/** Tracing of this process, when it is on. */
export interface Tracing {
  /** Exports the spans waiting in the batch. */
  forceFlush(): Promise<void>;
  /** Exports what is left and unregisters everything (the API falls back to its no-op). */
  shutdown(): Promise<void>;
}

/** What `startTracing` needs: from the configuration (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME). */
export interface TracingOptions {
  /** The process's own service: `gateway`, or a subgraph's name when it runs alone. */
  service: string;
  /** OTLP/HTTP base URL (`http://collector:4318`); undefined: tracing off. */
  endpoint: string | undefined;
  /** The process's `service.name` (OTEL_SERVICE_NAME); default: `service`. */
  serviceName?: string;
}

/**
 * Registers OpenTelemetry for this process (one provider, W3C trace context, async-hooks context)
 * exporting over OTLP/HTTP JSON to `endpoint`/v1/traces; the exporter reads the other standard
 * variables (OTEL_EXPORTER_OTLP_HEADERS, timeouts) itself. Without an endpoint nothing is
 * registered, so every span call stays the API's no-op. Returns undefined when off, or when another
 * provider is already registered in this process (that one is used).
 */
export function startTracing(options: TracingOptions): Tracing | undefined {
  if (!options.endpoint) return undefined;
  const processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, "")}/v1/traces` }));
  const provider = new ServiceTracerProvider(options.service, options.serviceName || options.service, processor);
  if (!trace.setGlobalTracerProvider(provider)) {
    void processor.shutdown();
    return undefined;
  }
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return {
    forceFlush: () => processor.forceFlush(),
    async shutdown() {
      await processor.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** The tracer of the service handling the active request (set by `serverSpans`). */
function activeTracer(): Tracer {
  const service = context.active().getValue(SERVICE_KEY);
  return trace.getTracer(typeof service === "string" ? SERVICE_TRACER_PREFIX + service : "conflict-graph");
}

/**
 * Runs `work` in a child span of the active span, or just runs it when no span is recording (tracing
 * off, or work outside a request such as seeding): no span, no cost beyond one lookup.
 */
export async function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  if (!trace.getSpan(context.active())?.isRecording()) return work();
  return activeTracer().startActiveSpan(name, { attributes }, async (span: Span) => {
    try {
      return await work();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Writes the active trace context (`traceparent`) into outgoing headers; a no-op when tracing is off. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

const headerGetter = {
  keys: (carrier: IncomingHttpHeaders) => Object.keys(carrier),
  get: (carrier: IncomingHttpHeaders, key: string) => carrier[key],
};

/**
 * A server span per `/graphql` request: `start` opens it (a child of the caller's `traceparent`, if
 * any) and ends it when the response finishes; `enter` makes it the active context for what follows.
 * `enter` belongs right before Apollo Server: middleware before it (body parsing, the admission
 * queue) may resume in another request's async context, so the span is carried on the request.
 */
export function serverSpans(service: string, operationOf: (request: Request) => string | undefined): { start: RequestHandler; enter: RequestHandler } {
  const active = new WeakMap<Request, Context>();
  return {
    start(request, response, next) {
      const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
      const span = trace
        .getTracer(SERVICE_TRACER_PREFIX + service)
        .startSpan(
          `${request.method} /graphql`,
          { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method, "http.route": "/graphql" } },
          parent,
        );
      if (!span.isRecording()) return next();
      active.set(request, trace.setSpan(parent, span).setValue(SERVICE_KEY, service));
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        const operation = operationOf(request);
        if (operation) span.setAttribute("graphql.operation.name", operation);
        span.setAttribute("http.response.status_code", response.statusCode);
        if (response.statusCode >= 500 || !response.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
      response.once("finish", end);
      response.once("close", end);
      next();
    },
    enter(request, _response, next) {
      const entered = active.get(request);
      if (!entered) return next();
      context.with(entered, next);
    },
  };
}
