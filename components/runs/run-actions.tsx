'use client';

import { useState } from 'react';
import { Check, Square, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FINISHED_RUN } from './run-stream-state';
import { RerunMenu } from './rerun-menu';
import { postRunAction } from './run-api';

export interface RunPermissions {
  cancel: boolean;
  rerun: boolean;
  approve: boolean;
}

/** What someone may do to a run: cancel it while it goes, decide its approvals, run it again. */
export function RunActions({
  runId,
  status,
  may,
  approvals,
  nodes,
  selectedNodeId,
  onDecide,
}: {
  runId: string;
  status: string;
  may: RunPermissions;
  /** Approval nodes the run waits on. */
  approvals: { id: string; label: string }[];
  nodes: { id: string; label: string }[];
  selectedNodeId: string | null;
  onDecide: (nodeId: string, decision: 'approved' | 'rejected') => Promise<void>;
}) {
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string>();
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  const active = !FINISHED_RUN.has(status);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {may.approve &&
          approvals.map((node) => (
            <div
              key={node.id}
              className="flex items-center gap-1 rounded-md border border-warning/40 bg-warning/10 py-0.5 pr-0.5 pl-2"
            >
              <span className="text-xs">{node.label} waits</span>
              <Button
                size="sm"
                className="h-7"
                aria-label={`Approve ${node.label}`}
                onClick={() => act(() => onDecide(node.id, 'approved'))}
              >
                <Check />
                Approve
              </Button>
              <Button
                size="sm"
                variant="danger"
                className="h-7"
                aria-label={`Reject ${node.label}`}
                onClick={() => act(() => onDecide(node.id, 'rejected'))}
              >
                <X />
                Reject
              </Button>
            </div>
          ))}
        {may.cancel && active && (
          <Button
            variant="secondary"
            size="sm"
            disabled={cancelling}
            onClick={() =>
              act(async () => {
                setCancelling(true);
                try {
                  await postRunAction(`/api/runs/${runId}/cancel`);
                } catch (failure) {
                  setCancelling(false);
                  throw failure;
                }
              })
            }
          >
            <Square />
            {cancelling ? 'Cancelling…' : 'Cancel run'}
          </Button>
        )}
        {may.rerun && !active && (
          <RerunMenu runId={runId} failed={status === 'FAILED'} nodes={nodes} selectedNodeId={selectedNodeId} />
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
