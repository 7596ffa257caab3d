import type { IncomingMessage } from 'node:http';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { basename, dirname } from 'node:path';
import { context, createContextKey, SamplingDecision, SpanKind, SpanStatusCode, trace, type Context, type Sampler, type Span } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { NodeTracerProvider, ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';

// OpenTelemetry traces (gateway → subgraph → SQL), exported with OTLP/HTTP only when
// OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Otherwise nothing is loaded
// and every helper below is a plain function call: tracing off costs nothing.
//
// Import this module before anything that loads mysql2 or serves HTTP (every entry point does, first): the SQL
// instrumentation patches mysql2 when it is loaded, and @opentelemetry/instrumentation-http patches node:http and
// node:https (server spans with the HTTP semantic conventions, W3C trace context taken from the request), undici's
// instrumentation the outgoing requests (fetch, undici.request: CLIENT spans, traceparent sent). The SDK is required
// synchronously for that reason. Under ESM the `http` a module imports is the builtin's ESM facade: the patch is
// applied by requiring node:http/node:https here and copied onto the facade with syncBuiltinESMExports (the server
// side patches Server.prototype.emit, which every server shares however it was imported).
//
// service.name: `sanxiang-<service>` for the spans of each service, also when `npm start` runs them all in one
// process: each server's port is named (`nameServicePort`), its HTTP server span is labelled with that service and
// every span under it inherits the label; the exporter sends each span with its service's resource.

const env = process.env;
export const tracingEnabled =
  Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';

/** `sanxiang-gateway`, `sanxiang-powers`, … from the entry point (`npm start`: `sanxiang`), unless OTEL_SERVICE_NAME says. */
function defaultServiceName(): string {
  const entry = process.argv[1] ?? '';
  return basename(entry).startsWith('main.') ? `sanxiang-${basename(dirname(entry))}` : 'sanxiang';
}

/**
 * Traces start at requests: a root span that is not a SERVER span (a lease renewal's SQL, a checkpoint, a sync run:
 * background work with no request above it) is kept only at `ratio` (OTEL_BACKGROUND_SAMPLE_RATIO, default 0: off),
 * so background jobs do not flood the trace store with one-span traces. Spans under a sampled parent follow it.
 */
export function requestRootSampler(ratio: number): Sampler {
  const keepBackground = (traceId: string) => ratio >= 1 || (ratio > 0 && parseInt(traceId.slice(-8), 16) / 0xffffffff < ratio);
  return {
    shouldSample(ctx, traceId, _name, kind) {
      const parent = trace.getSpanContext(ctx);
      if (parent && trace.isSpanContextValid(parent)) {
        return { decision: parent.traceFlags & 1 ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
      }
      return { decision: kind === SpanKind.SERVER || keepBackground(traceId) ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD };
    },
    toString: () => `RequestRootSampler{background=${ratio}}`,
  };
}

export function backgroundSampleRatio(e: NodeJS.ProcessEnv = env): number {
  const r = Number(e.OTEL_BACKGROUND_SAMPLE_RATIO ?? 0);
  return Number.isFinite(r) && r >= 0 && r <= 1 ? r : 0;
}

let provider: NodeTracerProvider | null = null;
/** Service of each live span (set on HTTP server spans by port, inherited by their descendants). */
const spanService = new WeakMap<object, string>();
const servicePorts = new Map<number, string>();

/** The HTTP server listening on `port` is `service` (`gateway`, `powers`, …): its spans say `sanxiang-<service>`. */
export function nameServicePort(port: number, service: string): void {
  if (tracingEnabled) servicePorts.set(port, service);
}

const SERVICE_KEY = createContextKey('sanxiang.service');

/**
 * Runs `fn` as `service`: spans with no request above them (background jobs: checkpoint signer, leases, probes, the
 * inspection sync, seeding) started in it, or in the timers and promises it schedules (the context follows them),
 * say `sanxiang-<service>` too, when `npm start` runs every service in one process.
 */
export function asService<T>(service: string, fn: () => T): T {
  if (!tracingEnabled) return fn();
  return context.with(context.active().setValue(SERVICE_KEY, service), fn);
}

/** Paths of probes and scrapes: no span (a balancer's `/ready` every few seconds is not a request worth a trace). */
export const untracedPaths = new Set(['/health', '/ready', '/metrics']);

if (tracingEnabled) {
  const require = createRequire(import.meta.url);
  const { NodeTracerProvider: Provider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { MySQL2Instrumentation } = require('@opentelemetry/instrumentation-mysql2') as typeof import('@opentelemetry/instrumentation-mysql2');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  const fixedName = env.OTEL_SERVICE_NAME || undefined;
  const resources = new Map<string, Resource>();
  const resourceOf = (name: string) => {
    let r = resources.get(name);
    if (!r) resources.set(name, (r = resourceFromAttributes({ 'service.name': name })));
    return r;
  };
  // Each span leaves with its own service's resource (the OTLP exporter groups spans by resource).
  const exporter = new OTLPTraceExporter();
  const byService: SpanExporter = {
    export(spans, done) {
      exporter.export(
        fixedName
          ? spans
          : spans.map((s) => {
              const service = spanService.get(s);
              return service ? (Object.create(s, { resource: { value: resourceOf(`sanxiang-${service}`) } }) as ReadableSpan) : s;
            }),
        done,
      );
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush(),
  };
  const inheritService: SpanProcessor = {
    onStart(span: Span, parent: Context) {
      const service = spanService.get(trace.getSpan(parent) ?? {}) ?? (parent.getValue(SERVICE_KEY) as string | undefined);
      if (service) spanService.set(span, service);
    },
    onEnd: () => undefined,
    shutdown: () => Promise.resolve(),
    forceFlush: () => Promise.resolve(),
  };
  provider = new Provider({
    resource: resourceOf(fixedName ?? defaultServiceName()),
    // OTEL_TRACES_SAMPLER, when set, is the operator's choice (the SDK reads it); otherwise requests only.
    ...(env.OTEL_TRACES_SAMPLER ? {} : { sampler: requestRootSampler(backgroundSampleRatio()) }),
    spanProcessors: [inheritService, new BatchSpanProcessor(byService)],
  });
  provider.register(); // global tracer provider, AsyncLocalStorage context, W3C trace-context propagation
  registerInstrumentations({
    instrumentations: [
      // Statements are recorded with their placeholders (`?`), never their values.
      new MySQL2Instrumentation(),
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => untracedPaths.has(new URL(req.url ?? '/', 'http://localhost').pathname),
        requestHook: (span, req) => {
          const port = (req as IncomingMessage).socket?.localPort;
          const service = port === undefined ? undefined : servicePorts.get(port);
          if ('headers' in req && service) spanService.set(span, service);
        },
      }),
      new UndiciInstrumentation(),
    ],
  });
  // Apply the patch now (require-in-the-middle patches on require) and copy it onto the ESM facades.
  require('node:http');
  require('node:https');
  syncBuiltinESMExports();
}

/**
 * The HTTP server span of the request being handled (made by @opentelemetry/instrumentation-http, which sets the
 * HTTP method, path, status and the caller's trace context), or null when tracing is off. Call it inside the
 * request's handler. The GraphQL layer names it after the operation once resolved.
 */
export function activeServerSpan(route?: string): Span | null {
  if (!tracingEnabled) return null;
  const span = trace.getActiveSpan();
  if (!span) return null;
  if (route) span.setAttribute('http.route', route);
  return span;
}

/** Marks a span as failed for a reason that is not an exception (an HTTP 5xx, GraphQL errors). */
export function markSpanError(span: Span | null, message: string): void {
  span?.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** Sends what is buffered (on shutdown: the batch processor would otherwise drop the last spans). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}
