import type { ReactNode } from 'react';
import Link from 'next/link';
import { ExternalLink } from 'lucide-react';
import { CopyButton } from '@/components/ui/copy-button';
import { formatDuration } from '@/components/format';
import type { RunStateData } from '@/lib/events/run-stream-schema';
import type { RunActor } from '@/lib/runs/run-actor';
import { RunStatusBadge } from './run-status-badge';
import { Timestamp } from './timestamp';

/** What a run is, and never changes: its workflow, version, trigger and who started it. */
export interface RunIdentity {
  id: string;
  workflow: { id: string; name: string };
  /** Null for a run of the draft. */
  version: number | null;
  trigger: string;
  startedBy: RunActor | null;
  rerunOfId: string | null;
  /** The OpenTelemetry trace the run belongs to, when tracing is on. */
  traceId: string | null;
  /** The run's workflow in Temporal's web UI, when its address is known. */
  temporalUrl: string | null;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] tracking-wide text-muted-foreground uppercase">{label}</dt>
      <dd className="mt-0.5 truncate text-sm">{children}</dd>
    </div>
  );
}

/** The run page's header: status, workflow and version, trigger and actor, timings, the run id. */
export function RunHeader({
  identity,
  run,
  actions,
}: {
  identity: RunIdentity;
  run: RunStateData;
  actions: ReactNode;
}) {
  return (
    <header className="border-b border-border px-6 py-4">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex items-center gap-3">
            <h1 className="truncate text-lg font-semibold tracking-tight">
              <Link href={`/workflows/${identity.workflow.id}`} className="hover:underline">
                {identity.workflow.name}
              </Link>{' '}
              <span className="font-normal text-muted-foreground">
                {identity.version === null ? 'draft' : `v${identity.version}`}
              </span>
            </h1>
            <span data-testid="run-status">
              <RunStatusBadge status={run.status} />
            </span>
          </div>
          <div className="mt-1 flex items-center gap-1 font-mono text-xs text-muted-foreground">
            <span data-testid="run-id">{identity.id}</span>
            <CopyButton text={identity.id} label="Copy the run id" />
            {identity.rerunOfId && (
              <span className="font-sans">
                · rerun of{' '}
                <Link href={`/runs/${identity.rerunOfId}`} className="font-mono hover:underline">
                  {identity.rerunOfId.slice(0, 12)}
                </Link>
              </span>
            )}
            {identity.traceId && (
              <span className="ml-2 flex items-center gap-1" data-testid="run-trace-id">
                <span className="font-sans">trace</span> {identity.traceId}
                <CopyButton text={identity.traceId} label="Copy the trace id" />
              </span>
            )}
            {identity.temporalUrl && (
              <a
                href={identity.temporalUrl}
                target="_blank"
                rel="noreferrer"
                className="ml-2 inline-flex items-center gap-1 font-sans hover:text-foreground hover:underline"
              >
                Open in Temporal UI <ExternalLink className="size-3" aria-hidden />
              </a>
            )}
          </div>
        </div>
        {actions}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-5">
        <Fact label="Trigger">{identity.trigger.toLowerCase()}</Fact>
        <Fact label="Started by">{identity.startedBy?.label ?? '—'}</Fact>
        <Fact label="Started">
          <Timestamp iso={run.startedAt ?? run.createdAt} />
        </Fact>
        <Fact label="Ended">
          <Timestamp iso={run.endedAt} />
        </Fact>
        <Fact label="Duration">
          <span className="font-mono tabular-nums">{formatDuration(run.durationMs)}</span>
        </Fact>
      </dl>
    </header>
  );
}
