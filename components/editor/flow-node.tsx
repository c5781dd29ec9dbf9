'use client';

import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { cn } from '@/components/ui/cn';
import type { DiffMark } from './diff-graph';
import { NodeIcon } from './node-icon';
import { NODE_SIZE } from '@/lib/definition/layered-layout';

export interface FlowNodeData extends Record<string, unknown> {
  label: string;
  type: string;
  icon: string;
  acceptsInput: boolean;
  outputs: string[];
  problems: string[];
  run?: { status: string; attempt: number };
  /** Colours of the other people who have this node selected. */
  selectedBy: string[];
  /** Set on an approval node the current run waits on: decides it in place. */
  decide?: (nodeId: string, decision: 'approved' | 'rejected') => void;
  /** What a compared version did to this node. */
  diff?: DiffMark;
}

export type FlowNodeType = Node<FlowNodeData, 'flow'>;

const RUN_STYLES: Record<string, { ring: string; label: string }> = {
  RUNNING: { ring: 'ring-2 ring-sky-500 animate-pulse', label: 'running' },
  WAITING: { ring: 'ring-2 ring-amber-500', label: 'waiting' },
  SUCCEEDED: { ring: 'ring-2 ring-emerald-500', label: 'succeeded' },
  FAILED: { ring: 'ring-2 ring-red-500', label: 'failed' },
  SKIPPED: { ring: 'opacity-60', label: 'skipped' },
  CANCELLED: { ring: 'ring-2 ring-zinc-400', label: 'cancelled' },
};

const DIFF_STYLES: Record<DiffMark, { ring: string; tag: string }> = {
  added: { ring: 'ring-2 ring-success', tag: 'bg-success' },
  removed: { ring: 'ring-2 ring-danger opacity-60', tag: 'bg-danger' },
  changed: { ring: 'ring-2 ring-amber-500', tag: 'bg-amber-500' },
};

function runLabel(run: NonNullable<FlowNodeData['run']>): string {
  const style = RUN_STYLES[run.status];
  if (run.status === 'RUNNING' && run.attempt > 1) return `retrying (attempt ${run.attempt})`;
  return style?.label ?? run.status.toLowerCase();
}

/** A node on the canvas: icon, label, type, one handle per output, and what is wrong with it. */
export const FlowNode = memo(function FlowNode({ id, data, selected }: NodeProps<FlowNodeType>) {
  const run = data.run ? RUN_STYLES[data.run.status] : undefined;
  const diff = data.diff ? DIFF_STYLES[data.diff] : undefined;
  const handleTop = (index: number) => `${((index + 1) / (data.outputs.length + 1)) * 100}%`;
  return (
    <div
      data-testid="flow-node"
      data-run-status={data.run?.status}
      data-diff={data.diff}
      className={cn(
        'relative rounded-lg border bg-surface px-3 py-2 text-left shadow-sm',
        selected ? 'border-primary' : data.problems.length ? 'border-danger' : 'border-border',
        run?.ring,
        diff?.ring,
      )}
      style={{
        width: NODE_SIZE.width,
        minHeight: NODE_SIZE.height,
        ...(data.selectedBy.length ? { boxShadow: `0 0 0 3px ${data.selectedBy[0]}` } : {}),
      }}
    >
      {data.acceptsInput && (
        <Handle type="target" position={Position.Left} className="!size-2.5 !bg-muted-foreground" />
      )}
      <div className="flex items-center gap-2">
        <NodeIcon name={data.icon} className="size-4 shrink-0" />
        <div className="min-w-0">
          <div className="truncate text-sm font-medium">{data.label}</div>
          <div className="truncate font-mono text-[10px] text-muted-foreground">{data.type}</div>
        </div>
      </div>
      {diff && (
        <span className={cn('absolute -top-2 right-2 rounded px-1.5 text-[10px] font-medium text-white', diff.tag)}>
          {data.diff}
        </span>
      )}
      {data.run && <div className="mt-1 text-[11px] text-muted-foreground">{runLabel(data.run)}</div>}
      {data.decide && (
        <div className="nodrag mt-2 flex gap-1">
          <button
            type="button"
            className="rounded bg-success px-2 py-0.5 text-[11px] text-white"
            onClick={() => data.decide!(id, 'approved')}
          >
            Approve
          </button>
          <button
            type="button"
            className="rounded bg-danger px-2 py-0.5 text-[11px] text-white"
            onClick={() => data.decide!(id, 'rejected')}
          >
            Reject
          </button>
        </div>
      )}
      {data.problems.length > 0 && (
        <div className="mt-1 text-[11px] leading-snug text-danger" title={data.problems.join('\n')}>
          {data.problems[0]}
          {data.problems.length > 1 && ` (+${data.problems.length - 1})`}
        </div>
      )}
      {data.outputs.map((output, index) => (
        <Handle
          key={output}
          id={output}
          type="source"
          position={Position.Right}
          style={{ top: handleTop(index) }}
          className="!size-2.5 !bg-primary"
        >
          {data.outputs.length > 1 && (
            <span className="pointer-events-none absolute left-3 -translate-y-1/2 text-[10px] whitespace-nowrap text-muted-foreground">
              {output}
            </span>
          )}
        </Handle>
      ))}
    </div>
  );
});

// Declared once, at module scope: React Flow re-mounts every node when this object changes.
export const nodeTypes = { flow: FlowNode };
