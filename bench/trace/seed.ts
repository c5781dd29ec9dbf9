import type { BenchPlatform } from '../editor/platform';
import { expectStatus } from '../shared/lifecycle';

/**
 * A run of about `steps` recorded steps, made by the engine itself: a for-each over
 * `steps - 2` items whose body is one pure node (each pass records one step; the trigger and
 * the loop one each). Returns the run id once it has ended, and how many steps it recorded.
 */
export async function seedRun(platform: BenchPlatform, steps: number): Promise<{ runId: string; steps: number }> {
  const created = (await expectStatus(
    await platform.ownerFetch('/api/workflows', {
      method: 'POST',
      body: JSON.stringify({ name: `Trace bench, ${steps.toLocaleString('en')} steps` }),
    }),
    201,
    'POST /api/workflows',
  )) as { id: string };
  const definition = {
    nodes: [
      { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 } },
      {
        id: 'each',
        type: 'flow.forEach',
        config: { items: `{{ [1..${steps - 2}] }}`, concurrency: 20 },
        position: { x: 240, y: 0 },
      },
      { id: 'double', type: 'data.transform', config: { expression: 'loop.item * 2' }, position: { x: 480, y: 140 } },
    ],
    edges: [
      { source: 'start', target: 'each' },
      { source: 'each', sourceHandle: 'each', target: 'double' },
      { source: 'double', target: 'each' },
    ],
  };
  await expectStatus(
    await platform.ownerFetch(`/api/workflows/${created.id}/versions`, {
      method: 'POST',
      body: JSON.stringify({ definition }),
    }),
    201,
    'publish',
  );
  const { runId } = (await expectStatus(
    await platform.ownerFetch(`/api/workflows/${created.id}/runs`, { method: 'POST', body: '{}' }),
    202,
    'start',
  )) as { runId: string };
  for (;;) {
    const run = (await expectStatus(await platform.ownerFetch(`/api/runs/${runId}`), 200, 'GET run')) as {
      status: string;
      steps: unknown[];
    };
    if (run.status === 'SUCCEEDED') return { runId, steps: run.steps.length };
    if (run.status !== 'RUNNING' && run.status !== 'QUEUED') throw new Error(`the seed run ended ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** Bytes of what the run page loads besides its HTML: the run's JSON and the live stream's snapshot. */
export async function payloadSizes(platform: BenchPlatform, runId: string) {
  const run = await platform.ownerFetch(`/api/runs/${runId}`);
  const runBytes = (await run.arrayBuffer()).byteLength;
  const stream = await platform.ownerFetch(`/api/runs/${runId}/events`);
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The snapshot is the stream's first event: read until the blank line that ends it.
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return { runBytes, snapshotBytes: Buffer.byteLength(text.slice(0, text.indexOf('\n\n') + 2)) };
}
