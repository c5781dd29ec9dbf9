import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import type { CollectedSpan } from '../support/otlp-collector';
import { TestServer } from '../support/test-server';

const platform = inject('platform');
const server = new TestServer();
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

async function spansOf(traceId: string): Promise<CollectedSpan[]> {
  const response = await fetch(`${platform.otlpCollectorUrl}/spans?traceId=${traceId}`);
  return (await response.json()) as CollectedSpan[];
}

describe('OpenTelemetry tracing', () => {
  it('follows a run from its API request through Temporal to each activity in one trace, whose id the run keeps', async () => {
    const workflowId = await publishWorkflow('traced', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'call', type: 'http.request', config: { method: 'GET', url: `${base}/traced` } },
      ],
      edges: [{ source: 'start', target: 'call' }],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.traceId).toMatch(/^[0-9a-f]{32}$/);

    const expected = [
      'floworchestrator-web StartWorkflow:runWorkflow',
      'floworchestrator-worker RunWorkflow:runWorkflow',
      'floworchestrator-worker StartActivity:http.request',
      'floworchestrator-worker RunActivity:http.request',
    ];
    let spans: CollectedSpan[] = [];
    await expect
      .poll(
        async () => {
          spans = await spansOf(run.traceId);
          const seen = new Set(spans.map((span) => `${span.service} ${span.name}`));
          return expected.filter((name) => seen.has(name));
        },
        { timeout: 30_000, interval: 250 },
      )
      .toEqual(expected);

    // Each step is the child of the one that caused it, up to the request the web app served.
    const named = (name: string) => spans.find((span) => span.name === name)!;
    expect(named('RunActivity:http.request').parentSpanId).toBe(named('StartActivity:http.request').spanId);
    expect(named('RunWorkflow:runWorkflow').parentSpanId).toBe(named('StartWorkflow:runWorkflow').spanId);
    const request = spans.find((span) => span.spanId === named('StartWorkflow:runWorkflow').parentSpanId);
    expect(request?.service).toBe('floworchestrator-web');
  });
});
