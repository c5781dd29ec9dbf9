'use client';

import { useState } from 'react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

type ScheduleAction = 'pause' | 'resume' | 'trigger';

/**
 * Pause or resume and "Trigger now" for one workflow's schedule. `onDone` gets the answer's
 * body (the schedule, or `{ runId }` after a trigger); the run a trigger starts is linked.
 */
export function ScheduleActions(props: {
  workflowId: string;
  paused: boolean;
  onDone: (action: ScheduleAction, body: unknown) => void | Promise<void>;
}) {
  const { workflowId, paused, onDone } = props;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [startedRunId, setStartedRunId] = useState<string | null>(null);

  async function act(action: ScheduleAction) {
    setBusy(true);
    setProblem(undefined);
    const response = await fetch(`/api/workflows/${workflowId}/schedule/${action}`, { method: 'POST' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) setProblem(body?.error?.message ?? `The server answered ${response.status}`);
    else {
      if (action === 'trigger') setStartedRunId(body.runId);
      await onDone(action, body);
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => act(paused ? 'resume' : 'pause')}>
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button variant="secondary" size="sm" disabled={busy} onClick={() => act('trigger')}>
          Trigger now
        </Button>
      </div>
      {startedRunId && (
        <p className="text-xs">
          Started{' '}
          <Link className="text-primary underline" href={`/runs/${startedRunId}`}>
            run {startedRunId.slice(0, 8)}
          </Link>
        </p>
      )}
      {problem && (
        <p role="alert" className="text-xs text-danger">
          {problem}
        </p>
      )}
    </div>
  );
}
