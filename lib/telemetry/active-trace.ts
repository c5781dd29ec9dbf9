import { isSpanContextValid, trace } from '@opentelemetry/api';

/** The trace and span the current code runs in, when tracing is on and one is active. */
export function activeTrace(): { traceId: string; spanId: string } | undefined {
  const context = trace.getActiveSpan()?.spanContext();
  if (!context || !isSpanContextValid(context)) return undefined;
  return { traceId: context.traceId, spanId: context.spanId };
}
