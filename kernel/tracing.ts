import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
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
export function withServerSpan<T>(name: string, headers: IncomingHttpHeaders, fn: (span: Span | null, traceId: string | undefined) => Promise<T>): Promise<T> {
  if (!tracingEnabled) return fn(null, undefined);
  const parent = propagation.extract(context.active(), headers);
  return tracer().startActiveSpan(name, { kind: SpanKind.SERVER }, parent, async (span) => {
    try {
      return await fn(span, span.spanContext().traceId);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
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
