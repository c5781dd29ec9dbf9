import { Position, type NodeHandle } from '@xyflow/react';
import { NODE_SIZE } from '@/lib/definition/layered-layout';
import type { FlowNodeData } from './flow-node';

/** Handles are 10 px squares (`size-2.5`) centred on the node's border. */
const HANDLE = 10;

/**
 * What React Flow would measure of a node never drawn: its size and where FlowNode puts its
 * handles. React Flow draws every node it has not measured, on screen or not, to measure it;
 * with this it can skip the nodes off screen from the first frame, and edges to them still
 * end at a handle. The real figures replace these once the node is drawn.
 */
export function unmeasuredLayout(data: Pick<FlowNodeData, 'acceptsInput' | 'outputs'>): {
  measured: { width: number; height: number };
  handles: NodeHandle[];
} {
  const { width, height } = NODE_SIZE;
  const handles: NodeHandle[] = data.outputs.map((output, index) => ({
    id: output,
    type: 'source',
    position: Position.Right,
    x: width - HANDLE / 2,
    y: ((index + 1) / (data.outputs.length + 1)) * height - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  }));
  if (data.acceptsInput) {
    handles.push({
      type: 'target',
      position: Position.Left,
      x: -HANDLE / 2,
      y: height / 2 - HANDLE / 2,
      width: HANDLE,
      height: HANDLE,
    });
  }
  return { measured: { width, height }, handles };
}
