import type { Edge } from '@xyflow/react';
import type { DraftDefinition, DraftNode } from '@/lib/collab/draft-doc';
import type { PaletteNode } from '@/lib/connectors/palette';
import type { DiffMark } from './diff-graph';
import type { FlowNodeData, FlowNodeType } from './flow-node';
import { NODE_SIZE } from '@/lib/definition/layered-layout';

/** The output handles a node shows: its type's, a switch's cases, and `error` for an error branch. */
export function outputsOf(node: DraftNode, type: PaletteNode | undefined): string[] {
  let outputs: string[] = [];
  if (type?.outputs === 'dynamic') {
    const cases = Array.isArray(node.config.cases) ? (node.config.cases as { name?: unknown }[]) : [];
    outputs = [...cases.map((c) => String(c.name ?? '')).filter(Boolean), 'default'];
  } else if (type) outputs = [...type.outputs];
  if (node.settings.onError === 'error-branch' && !outputs.includes('error')) outputs.push('error');
  return outputs;
}

export interface NodeDecorations {
  problems: Map<string, string[]>;
  runStatus: Record<string, { status: string; attempt: number }>;
  selectedBy: Map<string, string[]>;
  /** Decides an approval the current run waits on at this node. */
  decide?: (nodeId: string, decision: 'approved' | 'rejected') => void;
  /** What a compared version did to each node. */
  diff?: Map<string, DiffMark>;
}

/** Canvas nodes for the draft's nodes, with their problems, run status and who selected them. */
export function toFlowNodes(
  definition: DraftDefinition,
  palette: Map<string, PaletteNode>,
  decorations: NodeDecorations,
): FlowNodeType[] {
  return definition.nodes.map((node) => {
    const type = palette.get(node.type);
    const data: FlowNodeData = {
      label: node.name || type?.label || node.type,
      type: node.type,
      icon: type?.icon ?? 'box',
      acceptsInput: type?.acceptsInput ?? true,
      outputs: outputsOf(node, type),
      problems: decorations.problems.get(node.id) ?? [],
      run: decorations.runStatus[node.id],
      selectedBy: decorations.selectedBy.get(node.id) ?? [],
      diff: decorations.diff?.get(node.id),
      ...(decorations.decide && decorations.runStatus[node.id]?.status === 'WAITING' && node.type === 'human.approval'
        ? { decide: decorations.decide }
        : {}),
    };
    // A size before React Flow has measured the node, so fitting the view and skipping
    // off-screen nodes account for nodes that were never on screen yet.
    return {
      id: node.id,
      type: 'flow',
      position: node.position,
      data,
      initialWidth: NODE_SIZE.width,
      initialHeight: NODE_SIZE.height,
    };
  });
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/** Whether two nodes' data draw the same: lists and run status compared by value. */
function sameData(a: FlowNodeData, b: FlowNodeData): boolean {
  return (
    a.label === b.label &&
    a.type === b.type &&
    a.icon === b.icon &&
    a.acceptsInput === b.acceptsInput &&
    a.diff === b.diff &&
    a.decide === b.decide &&
    a.run?.status === b.run?.status &&
    a.run?.attempt === b.run?.attempt &&
    sameList(a.outputs, b.outputs) &&
    sameList(a.problems, b.problems) &&
    sameList(a.selectedBy, b.selectedBy)
  );
}

function sameNode(a: FlowNodeType, b: FlowNodeType): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.draggable === b.draggable &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height &&
    // Estimated handles follow from the data, so only whether there are any can differ.
    !a.handles === !b.handles &&
    sameData(a.data, b.data)
  );
}

/**
 * A filter that hands back, for each canvas node, the object it returned last time when nothing
 * about the node changed. React Flow re-processes every node whose object is new and its minimap
 * redraws it, so rebuilding all of them whenever one is measured, selected or edited stalls a big
 * graph; kept objects cost nothing. When no node changed, the previous array itself comes back.
 */
export function createNodeKeeper(): (nodes: FlowNodeType[]) => FlowNodeType[] {
  let previous: FlowNodeType[] = [];
  let byId = new Map<string, FlowNodeType>();
  return (nodes) => {
    let changed = nodes.length !== previous.length;
    const kept = nodes.map((node, index) => {
      const before = byId.get(node.id);
      if (before && sameNode(before, node)) {
        if (previous[index] !== before) changed = true;
        return before;
      }
      changed = true;
      // Data that draws the same keeps its object, so the memoised node component can skip it.
      return before && sameData(before.data, node.data) ? { ...node, data: before.data } : node;
    });
    if (!changed) return previous;
    previous = kept;
    byId = new Map(kept.map((node) => [node.id, node]));
    return kept;
  };
}

const EDGE_DIFF_STYLES = {
  added: { stroke: 'var(--color-success)', strokeWidth: 2 },
  removed: { stroke: 'var(--color-danger)', strokeWidth: 2, strokeDasharray: '6 4' },
};

export function toFlowEdges(
  definition: DraftDefinition,
  selected: Set<string>,
  problems: Set<string>,
  diff?: Map<string, 'added' | 'removed'>,
): Edge[] {
  return definition.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle,
    selected: selected.has(edge.id),
    style: problems.has(edge.id)
      ? { stroke: 'var(--color-danger)' }
      : diff?.has(edge.id)
        ? EDGE_DIFF_STYLES[diff.get(edge.id)!]
        : undefined,
  }));
}
