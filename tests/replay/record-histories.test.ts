import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { locateBinary } from '@/launcher/binaries';
import { readLauncherSettings } from '@/launcher/settings';
import { fanOutWorkflowId } from '@/lib/events-bus/event-ids';
import { temporalClient } from '@/temporal/client';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import { replaySamples, type ReplaySample } from './samples';
import { apiFetch } from '../support/api';

// Recording is a deliberate act. `RECORD_HISTORIES=1` records every sample that has no history
// yet; `RECORD_HISTORIES=sub-workflow,code-node` records just those:
//   RECORD_HISTORIES=1 npx vitest run --project integration tests/replay/record
// The histories are the reference later interpreter changes must replay against, so an existing
// one is never overwritten: a sample whose command order changed gets a new name.
const folder = path.join(import.meta.dirname, 'histories');
const setting = process.env.RECORD_HISTORIES ?? '';
const requested =
  setting === '1'
    ? Object.keys(replaySamples).filter((name) => !existsSync(path.join(folder, `${name}.json`)))
    : setting
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
const server = new TestServer();
let base = '';

async function exportHistory(file: string, workflowId: string, runId?: string) {
  const target = path.join(folder, `${file}.json`);
  if (existsSync(target)) throw new Error(`${target} exists: recorded histories are never overwritten`);
  // The CLI's JSON is the format the SDK's replayer reads back (historyFromJSON).
  const history = execFileSync(
    await locateBinary('temporal', readLauncherSettings().TOOLS_DIR),
    [
      'workflow',
      'show',
      '--workflow-id',
      workflowId,
      ...(runId ? ['--run-id', runId] : []),
      '--address',
      inject('platform').temporalAddress,
      '--output',
      'json',
    ],
    { encoding: 'utf8' },
  );
  await writeFile(target, history);
}

/** Every execution of the run's long-loop children, oldest first: one per continue-as-new generation. */
async function loopExecutions(runId: string) {
  const client = await temporalClient();
  const executions: { workflowId: string; runId: string; startTime: Date }[] = [];
  for await (const execution of client.workflow.list({ query: `WorkflowType = 'forEachWorkflow'` })) {
    if (execution.workflowId.startsWith(`${runId}:loop:`)) executions.push(execution);
  }
  return executions.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
}

async function publishSample(name: string, sample: ReplaySample): Promise<string> {
  let json = JSON.stringify(sample.definition).replaceAll('{{BASE}}', base);
  for (const [key, definition] of Object.entries(sample.workflows ?? {})) {
    json = json.replaceAll(`{{WORKFLOW:${key}}}`, await publishWorkflow(`replay ${name}: ${key}`, definition));
  }
  return publishWorkflow(`replay ${name}`, JSON.parse(json));
}

describe.runIf(setting !== '')('record replay histories', () => {
  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.stop());

  it('names only known samples', () => {
    expect(requested.filter((name) => !(name in replaySamples))).toEqual([]);
  });

  for (const name of requested.filter((name) => name in replaySamples)) {
    const sample = replaySamples[name];
    it(`records ${name}`, async () => {
      const runId = await startRun(await publishSample(name, sample), sample.input);
      if (sample.approve) {
        await waitForRun(runId, ['WAITING']);
        const response = await apiFetch(`/api/runs/${runId}/approvals/${sample.approve}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ decision: 'approved' }),
        });
        expect(response.status).toBe(200);
      }
      if (sample.cancelWhen) {
        await waitForRun(runId, [sample.cancelWhen]);
        const response = await apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' });
        expect(response.status).toBe(202);
      }
      const run = await waitForRun(runId, ['SUCCEEDED', 'FAILED', 'CANCELLED'], 120_000);
      expect(run.status).toBe(sample.status);
      await exportHistory(name, runId);
      if (sample.fanOutOf) {
        const emitted = run.steps.find((step: { nodeId: string }) => step.nodeId === sample.fanOutOf);
        const fanOut = fanOutWorkflowId(emitted.output.eventId);
        await (await temporalClient()).workflow.getHandle(fanOut).result();
        await exportHistory(`${name}.fan-out`, fanOut);
      }
      if (sample.loopChildren) {
        const executions = await loopExecutions(runId);
        // Only a loop that continued as new at least once exercises what the sample is for,
        // unless the sample is about cancelling its first generation.
        expect(executions.length).toBeGreaterThan(sample.cancelWhen ? 0 : 1);
        for (const [generation, execution] of executions.entries()) {
          await exportHistory(`${name}.loop-${generation}`, execution.workflowId, execution.runId);
        }
      }
    }, 150_000);
  }
});
