import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundleOptions } from '../../temporal/workflow-bundle-options';

const folder = path.join(import.meta.dirname, 'histories');

// The replay worker logs each state change at INFO; a failure is reported by the assertion below.
Runtime.install({ logger: new DefaultLogger('WARN') });

async function readHistories() {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => ({
      workflowId: file.replace(/\.json$/, ''),
      // The replayer accepts the Temporal CLI's JSON export as is.
      history: JSON.parse(await readFile(path.join(folder, file), 'utf8')) as unknown,
    })),
  );
}

/** Replays every history; the ids of those that failed, and of all replayed. */
async function replayAll(histories: Awaited<ReturnType<typeof readHistories>>, workflowModules: string[]) {
  const failed: string[] = [];
  const replayed: string[] = [];
  for await (const result of Worker.runReplayHistories(
    {
      workflowsPath: workflowBundleOptions.workflowsPath,
      bundlerOptions: { preloadModules: workflowBundleOptions.preloadModules },
      interceptors: { workflowModules },
    },
    histories,
  )) {
    replayed.push(result.workflowId);
    if (result.error) failed.push(result.workflowId);
  }
  return { failed: failed.sort(), replayed: replayed.sort() };
}

// Histories recorded before child workflow ids had a random stream of their own (patch
// 'child-ids-own-random-stream'): the tracing interceptor draws from the workflow's default
// stream, so with tracing switched on or off since they started, their children's ids differ.
const RECORDED_BEFORE_OWN_CHILD_IDS = ['error-workflow', 'for-each-continue-as-new', 'sub-workflow'];

describe('replay of recorded run histories', () => {
  it('replays every recorded history against the current interpreter without nondeterminism', async () => {
    const histories = await readHistories();
    expect(histories.length).toBeGreaterThan(0);
    const { failed, replayed } = await replayAll(histories, []);
    expect(failed).toEqual([]);
    expect(replayed).toEqual(histories.map((history) => history.workflowId).sort());
  }, 120_000);

  it('replays them on a worker that traces (OpenTelemetry interceptors), as production workers may', async () => {
    const tracing = createRequire(import.meta.url).resolve(
      '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
    );
    const { failed } = await replayAll(await readHistories(), [tracing]);
    expect(failed).toEqual(RECORDED_BEFORE_OWN_CHILD_IDS);
  }, 120_000);
});
