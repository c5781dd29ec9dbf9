'use client';

import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'next/navigation';
import { formatFireTime } from '@/components/schedules/format-fire-time';
import { ScheduleActions } from '@/components/schedules/schedule-actions';

/** GET /api/workflows/:id/schedule, as far as this panel shows it. */
interface ScheduleView {
  version: number;
  cron: string;
  timezone: string;
  overlapPolicy: string;
  state: 'active' | 'paused';
  synced: boolean;
  syncError: string | null;
  nextFireTimes: string[];
  lastRunAt: string | null;
}

type Loaded = { state: 'loading' } | { state: 'none' } | { state: 'shown'; schedule: ScheduleView };

/**
 * The schedule a published schedule trigger runs on: active or paused and the next 5 fire times
 * Temporal computes, shown to everyone; paused, resumed and triggered now by those who may edit.
 */
export function SchedulePanel({ readOnly }: { readOnly: boolean }) {
  const { id: workflowId } = useParams<{ id: string }>();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [problem, setProblem] = useState<string>();

  // Bumped to read the schedule again (after "Trigger now", for its last run).
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let current = true;
    fetch(`/api/workflows/${workflowId}/schedule`).then(async (response) => {
      const body = await response.json().catch(() => ({}));
      if (!current) return;
      if (response.status === 409) setLoaded({ state: 'none' });
      else if (response.ok) setLoaded({ state: 'shown', schedule: body });
      else setProblem(body?.error?.message ?? `The server answered ${response.status}`);
    });
    return () => {
      current = false;
    };
  }, [workflowId, reads]);

  const done = useCallback((action: string, body: unknown) => {
    if (action === 'trigger') setReads((count) => count + 1);
    else setLoaded({ state: 'shown', schedule: body as ScheduleView });
  }, []);

  return (
    <section aria-label="Schedule" className="flex flex-col gap-2 rounded-md border border-border p-3 text-sm">
      <h3 className="font-medium">Schedule</h3>
      {loaded.state === 'loading' && <p className="text-xs text-muted-foreground">Loading…</p>}
      {loaded.state === 'none' && (
        <p className="text-xs text-muted-foreground">
          Publishing the workflow with this trigger creates its schedule: each fire time runs the latest published
          version.
        </p>
      )}
      {loaded.state === 'shown' && (
        <>
          <ScheduleDetails schedule={loaded.schedule} />
          {!readOnly && (
            <ScheduleActions workflowId={workflowId} paused={loaded.schedule.state === 'paused'} onDone={done} />
          )}
        </>
      )}
      {problem && (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      )}
    </section>
  );
}

function ScheduleDetails({ schedule }: { schedule: ScheduleView }) {
  return (
    <>
      <p className="text-xs text-muted-foreground" data-schedule-state={schedule.state}>
        {schedule.state === 'paused' ? 'Paused' : 'Active'} · <code className="font-mono">{schedule.cron}</code> in{' '}
        {schedule.timezone} · version {schedule.version} · overlap {schedule.overlapPolicy}
        {schedule.lastRunAt && ` · last run ${new Date(schedule.lastRunAt).toLocaleString()}`}
      </p>
      {!schedule.synced && (
        <p className="text-xs text-warning">
          Not yet taken by Temporal{schedule.syncError ? `: ${schedule.syncError}` : ''}; it is retried in the
          background.
        </p>
      )}
      {schedule.nextFireTimes.length > 0 && (
        <div>
          <p className="text-xs font-medium">
            {schedule.state === 'paused' ? 'Next fire times, once resumed' : 'Next fire times'}
          </p>
          <ol aria-label="Next fire times" className="mt-1 space-y-0.5 font-mono text-xs">
            {schedule.nextFireTimes.map((time) => (
              <li key={time}>
                <time dateTime={time}>{formatFireTime(time, schedule.timezone)}</time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}
