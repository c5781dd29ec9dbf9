import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { locateBinary } from '@/launcher/binaries';
import { readLauncherSettings } from '@/launcher/settings';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { replaySamples } from './samples';
import { apiFetch } from '../support/api';

// Recording is a deliberate act (`RECORD_HISTORIES=1 npx vitest run tests/replay/record`): the
// histories are the reference that later interpreter changes must replay against.
const recording = Boolean(process.env.RECORD_HISTORIES);
const server = new TestServer();
let base = '';

describe.runIf(recording)('record replay histories', () => {
  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.stop());

  for (const [name, sample] of Object.entries(replaySamples)) {
    it(`records ${name}`, async () => {
      const definition = JSON.parse(JSON.stringify(sample.definition).replaceAll('{{BASE}}', base));
      const runId = await startRun(await publishWorkflow(`replay ${name}`, definition), sample.input);
      if (sample.approve) {
        await waitForRun(runId, ['WAITING']);
        const response = await apiFetch(`/api/runs/${runId}/approvals/${sample.approve}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ decision: 'approved' }),
        });
        expect(response.status).toBe(200);
      }
      await waitForRun(runId);
      // The CLI's JSON is the format the SDK's replayer reads back (historyFromJSON).
      const history = execFileSync(
        await locateBinary('temporal', readLauncherSettings().TOOLS_DIR),
        [
          'workflow',
          'show',
          '--workflow-id',
          runId,
          '--address',
          inject('platform').temporalAddress,
          '--output',
          'json',
        ],
        { encoding: 'utf8' },
      );
      await writeFile(path.join(import.meta.dirname, 'histories', `${name}.json`), history);
    });
  }
});
