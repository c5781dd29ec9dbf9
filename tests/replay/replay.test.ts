import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

const folder = path.join(import.meta.dirname, 'histories');

// The replay worker logs each state change at INFO; a failure is reported by the assertion below.
Runtime.install({ logger: new DefaultLogger('WARN') });

describe('replay of recorded run histories', () => {
  it('replays every recorded history against the current interpreter without nondeterminism', async () => {
    const files = (await readdir(folder)).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file.replace(/\.json$/, ''),
        // The replayer accepts the Temporal CLI's JSON export as is.
        history: JSON.parse(await readFile(path.join(folder, file), 'utf8')) as unknown,
      })),
    );
    const failures: string[] = [];
    const replayed: string[] = [];
    for await (const result of Worker.runReplayHistories(
      { workflowsPath: fileURLToPath(new URL('../../temporal/workflows/index.ts', import.meta.url)) },
      histories,
    )) {
      replayed.push(result.workflowId);
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed.sort()).toEqual(histories.map((history) => history.workflowId).sort());
  }, 120_000);
});
