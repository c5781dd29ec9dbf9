import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/auth/api-keys';
import { db } from '@/lib/db/client';
import { reconcileSchedules } from '@/lib/schedules/schedules';
import { describeSchedule, temporalScheduleId } from '@/lib/schedules/temporal-schedule';
import { temporalClient } from '@/temporal/client';
import { api, apiFetch, ownerOrg } from '../support/api';
import { getRun, publishWorkflow, waitForRun } from '../support/engine';

interface Answer {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const get = async (path: string, init?: RequestInit) => answer(await apiFetch(path, init));
const post = async (path: string, body?: unknown) =>
  answer(
    await apiFetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

// Weekdays at 09:00 in Berlin: never during a test run's minutes, so every run here is triggered.
const WEEKDAY_MORNINGS = '0 9 * * 1-5';

function scheduledDefinition(config: Record<string, unknown>) {
  return {
    nodes: [
      { id: 'tick', type: 'trigger.schedule', config },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.tick.output }}' } },
    ],
    edges: [{ source: 'tick', target: 'out' }],
  };
}

/** How a fire time reads on a Berlin wall clock. */
function berlinClock(iso: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return { weekday: part('weekday'), time: `${part('hour')}:${part('minute')}` };
}

describe('schedules', () => {
  it('publishing a schedule trigger makes its Temporal Schedule; trigger now records a SCHEDULE run that succeeds; pause and resume reach Temporal', async () => {
    const workflowId = await publishWorkflow(
      `schedule ${randomUUID()}`,
      scheduledDefinition({
        cron: WEEKDAY_MORNINGS,
        timezone: 'Europe/Berlin',
        overlapPolicy: 'bufferOne',
        catchupWindowSeconds: 120,
        input: { greeting: 'good morning' },
      }),
    );

    const temporal = await describeSchedule(temporalScheduleId(workflowId));
    expect(temporal?.spec.timezone).toBe('Europe/Berlin');
    expect(temporal?.policies).toMatchObject({ overlap: 'BUFFER_ONE', catchupWindow: 120_000 });
    expect(temporal?.action).toMatchObject({ type: 'startWorkflow', workflowType: 'scheduledRunWorkflow' });
    expect(temporal?.state.paused).toBe(false);

    const shown = await get(`/api/workflows/${workflowId}/schedule`);
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      workflowId,
      temporalId: temporalScheduleId(workflowId),
      version: 1,
      nodeId: 'tick',
      cron: WEEKDAY_MORNINGS,
      timezone: 'Europe/Berlin',
      overlapPolicy: 'bufferOne',
      catchupWindowSeconds: 120,
      input: { greeting: 'good morning' },
      state: 'active',
      synced: true,
      syncError: null,
      recentActions: [],
      lastRunAt: null,
    });
    const fireTimes: string[] = shown.json.nextFireTimes;
    expect(fireTimes).toHaveLength(5);
    expect([...fireTimes].sort()).toEqual(fireTimes);
    for (const time of fireTimes) {
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(berlinClock(time).weekday);
      expect(berlinClock(time).time).toBe('09:00');
    }

    const triggered = await post(`/api/workflows/${workflowId}/schedule/trigger`);
    expect(triggered).toEqual({ status: 202, json: { runId: expect.any(String) } });
    const { runId } = triggered.json;
    await waitForRun(runId);
    const run = await getRun(runId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', trigger: 'SCHEDULE', workflow: { id: workflowId } });
    expect(run.output).toEqual({
      scheduledAt: expect.any(String),
      firedAt: expect.any(String),
      scheduleId: shown.json.id,
      data: { greeting: 'good morning' },
    });
    const audit = await db().auditEvent.findMany({
      where: { orgId: ownerOrg().orgId, targetId: { in: [workflowId, runId] }, action: { startsWith: 's' } },
      select: { action: true },
    });
    expect(audit.map((event) => event.action)).toEqual(['schedule.trigger']);
    const started = await db().auditEvent.findFirst({ where: { targetId: runId, action: 'run.start' } });
    expect(started).toMatchObject({ actorType: 'SYSTEM', actorLabel: 'schedule' });

    const afterRun = await get(`/api/workflows/${workflowId}/schedule`);
    expect(afterRun.json.recentActions).toEqual([
      { scheduledAt: expect.any(String), takenAt: expect.any(String), runId },
    ]);
    expect(afterRun.json.lastRunAt).toEqual(expect.any(String));

    const paused = await post(`/api/workflows/${workflowId}/schedule/pause`);
    expect(paused.status).toBe(200);
    expect(paused.json).toMatchObject({ state: 'paused', synced: true });
    expect((await describeSchedule(temporalScheduleId(workflowId)))?.state.paused).toBe(true);
    // A publish keeps it paused.
    await post(`/api/workflows/${workflowId}/versions`, {
      definition: scheduledDefinition({ cron: '30 7 * * *', timezone: 'UTC' }),
    });
    const republished = await get(`/api/workflows/${workflowId}/schedule`);
    expect(republished.json).toMatchObject({ version: 2, cron: '30 7 * * *', timezone: 'UTC', state: 'paused' });
    expect((await describeSchedule(temporalScheduleId(workflowId)))?.spec.timezone).toBe('UTC');

    const resumed = await post(`/api/workflows/${workflowId}/schedule/resume`);
    expect(resumed.json).toMatchObject({ state: 'active', synced: true });
    expect((await describeSchedule(temporalScheduleId(workflowId)))?.state.paused).toBe(false);

    const listed = await get('/api/schedules');
    expect(listed.status).toBe(200);
    expect(listed.json.schedules).toEqual(
      expect.arrayContaining([expect.objectContaining({ workflowId, cron: '30 7 * * *', state: 'active' })]),
    );
  });

  it('publishing without the trigger, or deleting the workflow, deletes the schedule', async () => {
    const workflowId = await publishWorkflow(`schedule ${randomUUID()}`, scheduledDefinition({ cron: '* * * * *' }));
    expect(await describeSchedule(temporalScheduleId(workflowId))).not.toBeNull();
    await post(`/api/workflows/${workflowId}/versions`, {
      definition: { nodes: [{ id: 'start', type: 'trigger.manual' }], edges: [] },
    });
    expect(await describeSchedule(temporalScheduleId(workflowId))).toBeNull();
    const gone = await get(`/api/workflows/${workflowId}/schedule`);
    expect(gone.status).toBe(409);
    expect(gone.json).toEqual({
      error: {
        code: 'no_schedule_trigger',
        message: expect.stringMatching(
          /^Workflow "schedule [\w-]+" has no published version with a schedule trigger \(trigger\.schedule\): publish one first$/,
        ),
      },
    });
    expect(await db().schedule.count({ where: { workflowId } })).toBe(0);

    const deleted = await publishWorkflow(`schedule ${randomUUID()}`, scheduledDefinition({ cron: '@daily' }));
    expect(await describeSchedule(temporalScheduleId(deleted))).not.toBeNull();
    expect((await apiFetch(`/api/workflows/${deleted}`, { method: 'DELETE' })).status).toBe(204);
    expect(await describeSchedule(temporalScheduleId(deleted))).toBeNull();
  });

  it('the reconcile job pushes a schedule Temporal did not take', async () => {
    const workflowId = await publishWorkflow(`schedule ${randomUUID()}`, scheduledDefinition({ cron: '15 3 * * *' }));
    // As if Temporal had been unreachable: the schedule is missing there and the row says so.
    const client = await temporalClient();
    await client.schedule.getHandle(temporalScheduleId(workflowId)).delete();
    // Deleting ends the schedule's own workflow a moment later; until then its id cannot be taken again.
    await client.workflow
      .getHandle(`temporal-sys-scheduler:${temporalScheduleId(workflowId)}`)
      .result()
      .catch(() => undefined);
    await db().schedule.update({ where: { workflowId }, data: { needsSync: true, syncError: 'unreachable' } });
    expect((await get(`/api/workflows/${workflowId}/schedule`)).json).toMatchObject({
      synced: false,
      syncError: 'unreachable',
      nextFireTimes: [],
    });

    await reconcileSchedules();

    expect((await describeSchedule(temporalScheduleId(workflowId)))?.spec.timezone).toBe('UTC');
    expect((await get(`/api/workflows/${workflowId}/schedule`)).json).toMatchObject({ synced: true, syncError: null });
  });

  it('refuses an invalid cron expression or time zone at publishing, naming the field', async () => {
    const workflow = await post('/api/workflows', { name: `schedule ${randomUUID()}` });
    const refused = await post(`/api/workflows/${workflow.json.id}/versions`, {
      definition: scheduledDefinition({ cron: '61 * * * *', timezone: 'Mars/Olympus' }),
    });
    expect(refused).toEqual({
      status: 422,
      json: {
        error: {
          code: 'invalid_definition',
          message:
            'The definition cannot be published: Node "tick", config.cron: minute "61": values must be 0–59 (and 1 more, see details)',
          details: [
            {
              code: 'invalid_config',
              nodeId: 'tick',
              path: 'config.cron',
              message: 'Node "tick", config.cron: minute "61": values must be 0–59',
            },
            {
              code: 'invalid_config',
              nodeId: 'tick',
              path: 'config.timezone',
              message:
                'Node "tick", config.timezone: "Mars/Olympus" is not an IANA time zone (such as UTC, Europe/Berlin or America/New_York)',
            },
          ],
        },
      },
    });
  });

  it('lets viewers read a schedule but not pause, resume or trigger it', async () => {
    const workflowId = await publishWorkflow(`schedule ${randomUUID()}`, scheduledDefinition({ cron: '@hourly' }));
    const key = await createApiKey(ownerOrg(), { name: `schedule viewer ${randomUUID()}`, role: 'VIEWER' });
    const asViewer = (method = 'GET') => ({ method, headers: { authorization: `Bearer ${key.key}` } });
    expect((await answer(await fetch(api(`/api/workflows/${workflowId}/schedule`), asViewer()))).status).toBe(200);
    expect((await answer(await fetch(api('/api/schedules'), asViewer()))).status).toBe(200);
    for (const [action, permission] of [
      ['pause', 'workflow edit'],
      ['resume', 'workflow edit'],
      ['trigger', 'run start'],
    ]) {
      expect(
        await answer(await fetch(api(`/api/workflows/${workflowId}/schedule/${action}`), asViewer('POST'))),
      ).toEqual({
        status: 403,
        json: { error: { code: 'forbidden', message: `Your role (VIEWER) may not ${permission}` } },
      });
    }
    expect((await describeSchedule(temporalScheduleId(workflowId)))?.state.paused).toBe(false);
  });
});

/** Asks `read` until `done` holds of its answer; Temporal tells a schedule's counts only when asked. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let asked = 0; asked < 150; asked++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('a schedule firing', () => {
  it('fires at its times and holds its overlap policy: while a run waits, later fire times are skipped', async () => {
    const workflowId = await publishWorkflow(`schedule overlap ${randomUUID()}`, {
      nodes: [
        { id: 'tick', type: 'trigger.schedule', config: { cron: WEEKDAY_MORNINGS, overlapPolicy: 'skip' } },
        { id: 'review', type: 'human.approval', config: { message: 'Go on?' } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.review.output.decision }}' } },
      ],
      edges: [
        { source: 'tick', target: 'review' },
        { source: 'review', sourceHandle: 'approved', target: 'out' },
      ],
    });
    // Cron times are minutes apart; the schedule publishing made is kept (its action and its
    // policies) and only fired every second, so several fire times pass within the test.
    const handle = (await temporalClient()).schedule.getHandle(temporalScheduleId(workflowId));
    await handle.update((schedule) => ({ ...schedule, spec: { intervals: [{ every: '1s' }] } }));
    const scheduledRuns = () =>
      db().run.findMany({ where: { workflowId, trigger: 'SCHEDULE' }, orderBy: { createdAt: 'asc' } });

    const [first] = await until(scheduledRuns, (runs) => runs.length > 0, 'the first fire time');
    await waitForRun(first.id, ['WAITING']);
    const skipped = await until(
      () => handle.describe(),
      (description) => description.info.numActionsSkippedOverlap >= 3,
      'three fire times skipped while the first run waits',
    );
    expect(skipped.policies.overlap).toBe('SKIP');
    expect((await scheduledRuns()).map((run) => run.id)).toEqual([first.id]);

    const approved = await apiFetch(`/api/runs/${first.id}/approvals/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approved' }),
    });
    expect(approved.status).toBe(200);
    expect(await waitForRun(first.id)).toMatchObject({ status: 'SUCCEEDED', output: 'approved' });
    // Once it has ended, the next fire time starts a run again.
    const runs = await until(scheduledRuns, (found) => found.length > 1, 'a fire time after the run ended');
    expect(runs[1].id).not.toBe(first.id);
    await handle.pause('the test is over');
    await waitForRun(runs[1].id, ['WAITING']);
    const cancelled = await apiFetch(`/api/runs/${runs[1].id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(202);
  });
});
