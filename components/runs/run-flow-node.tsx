'use client';

import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { FlowNode, type FlowNodeType } from '@/components/editor/flow-node';

/** The editor's node card, marked with how many attempts the node took when it took more than one. */
export const RunFlowNode = memo(function RunFlowNode(props: NodeProps<FlowNodeType>) {
  const attempts = props.data.run?.attempt ?? 0;
  return (
    <div className="relative">
      <FlowNode {...props} />
      {attempts > 1 && (
        <span
          data-testid="node-attempts"
          className="absolute -top-2.5 right-2 rounded-full border border-border bg-surface-raised px-1.5 text-[10px] font-medium"
        >
          {attempts} attempts
        </span>
      )}
    </div>
  );
});

// Declared once, at module scope: React Flow re-mounts every node when this object changes.
export const runNodeTypes = { flow: RunFlowNode };
