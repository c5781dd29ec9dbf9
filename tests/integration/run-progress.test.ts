import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { orgRunsChannel } from '@/lib/events/run-events';
import { writeProgress } from '@/temporal/activities/progress-writer';
import { temporalClient } from '@/temporal/client';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';

// Temporal's numbers for the history events a run of activity nodes may record
// (temporal.api.enums.v1.EventType).
const EVENT_NAMES: Record<number, string> = {
  1: 'workflow started',
  2: 'workflow completed',
  5: 'workflow task scheduled',
  6: 'workflow task started',
  7: 'workflow task completed',
  10: 'activity scheduled',
  25: 'marker',
  40: 'search attributes upserted',
};

describe("the worker's progress write", () => {
  const { orgId } = inject('platform').owner;
  const subscriber = new Redis(process.env.REDIS_URL!);
  afterAll(() => subscriber.disconnect());

  const queuedRun = async () => {
    const workflow = await db().workflow.create({ data: { orgId, name: `progress ${randomUUID()}` } });
    const runId = randomUUID();
    await db().run.create({
      data: { id: runId, orgId, workflowId: workflow.id, trigger: 'API', draftDefinition: {} },
    });
    return runId;
  };
  /** The org's run status events for this run, as the runs list and dashboard hear them. */
  const listen = async (runId: string) => {
    const heard: unknown[] = [];
    subscriber.on('message', (_channel, message) => {
      const event = JSON.parse(message);
      if (event.runId === runId) heard.push(event);
    });
    await subscriber.subscribe(orgRunsChannel(orgId));
    return heard;
  };
  const approvalWaits = (runId: string) => ({
    runId,
    orgId,
    run: { status: 'WAITING' as const },
    steps: [{ nodeId: 'gate', iteration: 0, attempt: 1, status: 'WAITING' as const }],
  });
  // The run's start rides with its first activity node's first record.
  const activityStarts = (runId: string, startedAt: string) => ({
    runId,
    orgId,
    run: { status: 'RUNNING' as const, startedAt },
    steps: [{ nodeId: 'charge', iteration: 0, attempt: 1, status: 'RUNNING' as const, startedAt }],
  });

  it("keeps a parallel approval's WAITING when the run's start is written after it", async () => {
    const runId = await queuedRun();
    const heard = await listen(runId);
    const startedAt = '2026-12-02T10:00:00.000Z';
    await writeProgress(approvalWaits(runId));
    await writeProgress(activityStarts(runId, startedAt));

    const run = await db().run.findUniqueOrThrow({ where: { id: runId }, include: { steps: true } });
    expect({ status: run.status, startedAt: run.startedAt?.toISOString() }).toEqual({ status: 'WAITING', startedAt });
    expect(run.steps.map((step) => [step.nodeId, step.status]).sort()).toEqual([
      ['charge', 'RUNNING'],
      ['gate', 'WAITING'],
    ]);
    // The start time is a change of the run that live views read, though its status is not.
    expect({ last: run.lastEventSeq, status: run.statusEventSeq }).toEqual({ last: 4, status: 4 });
    // Run lists hear the approval's WAITING and nothing from the start: the decision's RUNNING is
    // the next thing published.
    await writeProgress({ runId, orgId, run: { status: 'RUNNING' }, steps: [] });
    await expect.poll(() => heard.length).toBe(2);
    expect(heard).toEqual([
      { runId, status: 'WAITING' },
      { runId, status: 'RUNNING' },
    ]);
  });

  it('leaves an ended run as it ended when its start is written after its end', async () => {
    const runId = await queuedRun();
    const error = { type: 'CardDeclined', message: 'declined' };
    await writeProgress({
      runId,
      orgId,
      run: { status: 'FAILED', error, endedAt: '2026-12-02T10:00:05.000Z' },
      steps: [],
    });
    const ended = await db().run.findUniqueOrThrow({ where: { id: runId } });
    await writeProgress({
      runId,
      orgId,
      run: { status: 'RUNNING', startedAt: '2026-12-02T10:00:00.000Z', output: { late: true } },
      steps: [],
    });
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    expect({ status: run.status, error: run.error, output: run.output, endedAt: run.endedAt }).toEqual({
      status: 'FAILED',
      error,
      output: null,
      endedAt: ended.endedAt,
    });
  });

  it('starts a queued run as before', async () => {
    const runId = await queuedRun();
    const startedAt = '2026-12-02T10:00:00.000Z';
    await writeProgress(activityStarts(runId, startedAt));
    await writeProgress(approvalWaits(runId));
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    expect({ status: run.status, startedAt: run.startedAt?.toISOString() }).toEqual({ status: 'WAITING', startedAt });
    expect({ last: run.lastEventSeq, status: run.statusEventSeq }).toEqual({ last: 4, status: 4 });
  });

  it('records each step once, and no patch marker in the history of a run started on engine revision 1', async () => {
    const workflowId = await publishWorkflow('carried steps', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'order', type: 'data.set', config: { values: { total: 42 } } },
        { id: 'score', type: 'code.javascript', config: { code: 'return 7;' } },
        { id: 'tag', type: 'data.set', config: { values: { tagged: true } } },
        { id: 'done', type: 'flow.output', config: { value: '{{ nodes.score.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'order' },
        { source: 'order', target: 'score' },
        { source: 'score', target: 'tag' },
        { source: 'tag', target: 'done' },
      ],
    });
    const runId = await startRun(workflowId);
    expect((await waitForRun(runId)).status).toBe('SUCCEEDED');

    // Started on engine revision 1, the run takes the local-activity changes without a patch
    // marker or a search-attribute update: one workflow task, the code node's marker, the end.
    const history = await (await temporalClient()).workflow.getHandle(runId).fetchHistory();
    expect(
      (history.events ?? []).map((event) =>
        [EVENT_NAMES[event.eventType!], event.markerRecordedEventAttributes?.markerName].filter(Boolean).join(' '),
      ),
    ).toEqual([
      'workflow started',
      'workflow task scheduled',
      'workflow task started',
      'workflow task completed',
      'marker core_local_activity',
      'workflow completed',
    ]);

    const run = await db().run.findUniqueOrThrow({
      where: { id: runId },
      include: { steps: { orderBy: { eventSeq: 'asc' } } },
    });
    // The code node's first record: start and order with it, the run's status, its RUNNING step
    // (4); its end (1); the run's end: tag, done and the status (3).
    expect(run.lastEventSeq).toBe(8);
    expect(run.steps.map((step) => [step.nodeId, step.eventSeq])).toEqual([
      ['start', 1],
      ['order', 2],
      ['score', 5],
      ['tag', 6],
      ['done', 7],
    ]);
  });
});
