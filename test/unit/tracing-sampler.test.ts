import { context, ROOT_CONTEXT, SamplingDecision, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { backgroundSampleRatio, requestRootSampler } from '../../kernel/tracing.js';

// Traces start at requests (issue 29, point 6): background jobs' root spans are off by default, sampled when asked.

const traceId = (n: number) => n.toString(16).padStart(32, '0');
const under = (flags: number) => trace.setSpanContext(ROOT_CONTEXT, { traceId: traceId(7), spanId: '00000000000000a1', traceFlags: flags, isRemote: true });

describe('the request-root sampler', () => {
  it('keeps every request, drops root spans of background work by default, and follows a parent', () => {
    const s = requestRootSampler(0);
    expect(s.shouldSample(context.active(), traceId(1), 'POST /graphql', SpanKind.SERVER, {}, []).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(s.shouldSample(ROOT_CONTEXT, traceId(1), 'SELECT', SpanKind.CLIENT, {}, []).decision).toBe(SamplingDecision.NOT_RECORD);
    expect(s.shouldSample(ROOT_CONTEXT, traceId(1), 'lease', SpanKind.INTERNAL, {}, []).decision).toBe(SamplingDecision.NOT_RECORD);
    // Under a sampled request the SQL is kept; under an unsampled one it is not.
    expect(s.shouldSample(under(TraceFlags.SAMPLED), traceId(7), 'SELECT', SpanKind.CLIENT, {}, []).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(s.shouldSample(under(TraceFlags.NONE), traceId(7), 'SELECT', SpanKind.CLIENT, {}, []).decision).toBe(SamplingDecision.NOT_RECORD);
  });

  it('samples background work at OTEL_BACKGROUND_SAMPLE_RATIO, by trace id', () => {
    expect(backgroundSampleRatio({})).toBe(0);
    expect(backgroundSampleRatio({ OTEL_BACKGROUND_SAMPLE_RATIO: '0.25' })).toBe(0.25);
    expect(backgroundSampleRatio({ OTEL_BACKGROUND_SAMPLE_RATIO: 'lots' })).toBe(0);
    const all = requestRootSampler(1);
    expect(all.shouldSample(ROOT_CONTEXT, traceId(3), 'SELECT', SpanKind.CLIENT, {}, []).decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    const quarter = requestRootSampler(0.25);
    const kept = Array.from({ length: 400 }, (_, i) =>
      quarter.shouldSample(ROOT_CONTEXT, `${'0'.repeat(24)}${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}`, 'SELECT', SpanKind.CLIENT, {}, []),
    ).filter((r) => r.decision === SamplingDecision.RECORD_AND_SAMPLED).length;
    expect(kept).toBeGreaterThan(40);
    expect(kept).toBeLessThan(160);
  });
});
