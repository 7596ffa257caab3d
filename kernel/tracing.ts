import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { context, propagation, SamplingDecision, SpanKind, SpanStatusCode, trace, type Sampler, type Span } from '@opentelemetry/api';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

// OpenTelemetry traces (gateway → subgraph → SQL), exported with OTLP/HTTP only when
// OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Otherwise nothing is loaded
// and every helper below is a plain function call: tracing off costs nothing.
//
// Import this module before anything that loads mysql2 (every entry point does, first): the SQL
// instrumentation patches mysql2 when it is loaded. The SDK is required synchronously for that reason.

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
if (tracingEnabled) {
  const require = createRequire(import.meta.url);
  const { NodeTracerProvider: Provider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { MySQL2Instrumentation } = require('@opentelemetry/instrumentation-mysql2') as typeof import('@opentelemetry/instrumentation-mysql2');
  provider = new Provider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || defaultServiceName() }),
    // OTEL_TRACES_SAMPLER, when set, is the operator's choice (the SDK reads it); otherwise requests only.
    ...(env.OTEL_TRACES_SAMPLER ? {} : { sampler: requestRootSampler(backgroundSampleRatio()) }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register(); // global tracer provider, AsyncLocalStorage context, W3C trace-context propagation
  // Statements are recorded with their placeholders (`?`), never their values.
  registerInstrumentations({ instrumentations: [new MySQL2Instrumentation()] });
}

const tracer = () => trace.getTracer('sanxiang');

/**
 * Runs `fn` inside a SERVER span continuing the caller's trace (W3C `traceparent`), or just runs it.
 * `fn` gets the span (to name the operation once it is known) and the trace id for the logs.
 */
export function withServerSpan<T>(
  name: string,
  headers: IncomingHttpHeaders,
  fn: (span: Span | null, traceId: string | undefined) => Promise<T>,
  http?: { method: string; path: string; status: () => number | undefined },
): Promise<T> {
  if (!tracingEnabled) return fn(null, undefined);
  const parent = propagation.extract(context.active(), headers);
  // HTTP semantic conventions on the server span: method and route at the start, the status once answered.
  const attributes = http ? { 'http.request.method': http.method, 'url.path': http.path } : {};
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER, attributes }, parent, async (span) => {
    try {
      return await fn(span, span.spanContext().traceId);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      const status = http?.status();
      if (status) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    }
  });
}

/** Adds `traceparent` (and `tracestate`) of the active span to an outgoing request's headers. */
export function injectTraceHeaders(headers: { set(name: string, value: string): void }): void {
  if (!tracingEnabled) return;
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** Marks a span as failed for a reason that is not an exception (an HTTP 5xx, GraphQL errors). */
export function markSpanError(span: Span | null, message: string): void {
  span?.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** Sends what is buffered (on shutdown: the batch processor would otherwise drop the last spans). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}
