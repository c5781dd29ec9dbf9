'use client';

import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Controls, ReactFlow, type NodeChange, type ReactFlowInstance } from '@xyflow/react';
import { useTheme } from 'next-themes';
import type { FlowNodeType } from '@/components/editor/flow-node';
import { toFlowEdges, toFlowNodes } from '@/components/editor/graph-view';
import { DotGrid } from '@/components/editor/dot-grid';
import type { DraftDefinition } from '@/lib/collab/draft-doc';
import type { PaletteNode } from '@/lib/connectors/palette';
import { runNodeTypes } from './run-flow-node';
import type { NodeRunState } from './run-stream-state';

const NO_PROBLEMS = new Map<string, string[]>();
const NO_PEERS = new Map<string, string[]>();
const NOTHING = new Set<string>();
const FIT = { maxZoom: 1.2 };

/**
 * Fits the graph to its pane again whenever the pane changes size (the inspector opens or
 * closes, the window is resized), so no node ends up out of view.
 */
function useFitOnResize() {
  const pane = useRef<HTMLDivElement>(null);
  const [flow, setFlow] = useState<ReactFlowInstance<FlowNodeType>>();
  useEffect(() => {
    if (!pane.current || !flow) return;
    let frame: number | undefined;
    const observer = new ResizeObserver(() => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void flow.fitView(FIT));
    });
    observer.observe(pane.current);
    return () => {
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [flow]);
  return { pane, onInit: setFlow };
}

/**
 * The run's version drawn read-only with the editor's node cards, each lit with its status and
 * attempt; a click selects a node, a click on the background clears the selection.
 */
export function RunGraph({
  definition,
  palette,
  states,
  selectedNodeId,
  onSelect,
  onDecide,
}: {
  definition: DraftDefinition;
  palette: Map<string, PaletteNode>;
  states: Record<string, NodeRunState>;
  selectedNodeId: string | null;
  onSelect: (nodeId: string | null) => void;
  /** Set for people who may decide approvals: the approval a run waits on gets its buttons. */
  onDecide?: (nodeId: string, decision: 'approved' | 'rejected') => void;
}) {
  const { resolvedTheme } = useTheme();
  const colorMode = resolvedTheme === 'light' ? 'light' : 'dark';
  const { pane, onInit } = useFitOnResize();
  // What React Flow measured of each node, so fitting the view sees their real sizes.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const nodes = useMemo(
    () =>
      toFlowNodes(definition, palette, {
        problems: NO_PROBLEMS,
        runStatus: states,
        selectedBy: NO_PEERS,
        decide: onDecide,
      }).map((node) => ({ ...node, measured: measured[node.id], selected: node.id === selectedNodeId })),
    [definition, palette, states, onDecide, measured, selectedNodeId],
  );
  const edges = useMemo(() => toFlowEdges(definition, NOTHING, NOTHING), [definition]);
  const onNodesChange = useCallback((changes: NodeChange<FlowNodeType>[]) => {
    const sizes = changes.flatMap((change) =>
      change.type === 'dimensions' && change.dimensions ? [[change.id, change.dimensions] as const] : [],
    );
    if (sizes.length) setMeasured((current) => ({ ...current, ...Object.fromEntries(sizes) }));
  }, []);
  return (
    <div ref={pane} className="relative h-full min-h-0 min-w-0 flex-1" data-testid="run-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={runNodeTypes}
        onInit={onInit}
        onNodesChange={onNodesChange}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        onlyRenderVisibleElements={nodes.length > 150}
        fitView
        fitViewOptions={FIT}
        colorMode={colorMode}
      >
        <DotGrid gap={20} colorMode={colorMode} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
