'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import {
  Controls,
  ReactFlow,
  ViewportPortal,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useTheme } from 'next-themes';
import type * as Y from 'yjs';
import type { WorkflowDraft } from '@/lib/collab/draft-doc';
import { addEdge, addNode, moveNodes, removeEdges, removeNodes } from '@/lib/collab/draft-edits';
import { connectionRefusal } from '@/lib/collab/connection-rules';
import { CanvasMiniMap } from './canvas-minimap';
import { DotGrid } from './dot-grid';
import type { PaletteNode } from '@/lib/connectors/palette';
import { nodeTypes, type FlowNodeType } from './flow-node';
import { createNodeKeeper, toFlowEdges, toFlowNodes, type NodeDecorations } from './graph-view';
import { PALETTE_DRAG_TYPE } from './node-palette';
import { unmeasuredLayout } from './unmeasured-node';
import type { PeerPresence } from './use-presence';
import { useRevealNode } from './use-reveal-node';

const SNAP: [number, number] = [20, 20];
const FIT_VIEW = { maxZoom: 1.2 };
const DELETE_KEYS = ['Backspace', 'Delete'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

function allowPaletteDrop(event: DragEvent) {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
}

export interface WorkflowCanvasProps {
  doc: Y.Doc;
  draft: WorkflowDraft;
  palette: Map<string, PaletteNode>;
  decorations: NodeDecorations;
  edgeProblems: Set<string>;
  /** What a compared version did to each edge. */
  edgeDiff?: Map<string, 'added' | 'removed'>;
  readOnly: boolean;
  peers: PeerPresence[];
  selectedNodes: Set<string>;
  /** The node the inspector beside the canvas shows. */
  inspectedNodeId?: string;
  onSelectionChange: (nodes: Set<string>) => void;
  onPointerMove: (position: { x: number; y: number }) => void;
  onRefused: (message: string) => void;
  /** Set to fit the view to the graph once its next change is drawn (after an auto-layout). */
  fitRequestedRef: RefObject<boolean>;
}

/** The draft drawn with React Flow: every change the user makes is written to the Yjs document. */
export function WorkflowCanvas(props: WorkflowCanvasProps) {
  const { doc, draft, palette, decorations, edgeProblems, edgeDiff, readOnly, peers, selectedNodes } = props;
  const { onSelectionChange, onPointerMove, onRefused, fitRequestedRef } = props;
  const flow = useReactFlow();
  const { resolvedTheme } = useTheme();
  const colorMode = resolvedTheme === 'light' ? 'light' : 'dark';
  // What React Flow measured of each node; everything else about a node comes from the draft.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const container = useRef<HTMLDivElement>(null);
  const revealNode = useRevealNode(container, props.inspectedNodeId);
  const [keepUnchanged] = useState(createNodeKeeper);

  // Every draft change, measurement or selection builds all the nodes afresh (cheap); the keeper
  // then hands React Flow the same object as before for each node that did not change (costly
  // otherwise: on a 1,000-node graph nodes are measured in batches whenever the view moves).
  const flowNodes = useMemo(() => toFlowNodes(draft.definition, palette, decorations), [draft, palette, decorations]);
  const nodes = useMemo(
    () =>
      keepUnchanged(
        flowNodes.map((node) => ({
          ...node,
          ...(measured[node.id] ? { measured: measured[node.id] } : unmeasuredLayout(node.data)),
          selected: selectedNodes.has(node.id),
          draggable: !readOnly,
        })),
      ),
    [keepUnchanged, flowNodes, measured, selectedNodes, readOnly],
  );
  useEffect(() => {
    if (!fitRequestedRef.current) return;
    fitRequestedRef.current = false;
    requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
    // The draft or the view changing is what a fit waits for (nodes may come back unchanged).
  }, [flowNodes, flow, fitRequestedRef]);
  const edges = useMemo(
    () => toFlowEdges(draft.definition, selectedEdges, edgeProblems, edgeDiff),
    [draft, selectedEdges, edgeProblems, edgeDiff],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNodeType>[]) => {
      const sizes = changes.flatMap((change) =>
        change.type === 'dimensions' && change.dimensions ? [[change.id, change.dimensions] as const] : [],
      );
      if (sizes.length) setMeasured((current) => ({ ...current, ...Object.fromEntries(sizes) }));
      const selection = changes.filter((change) => change.type === 'select');
      if (selection.length) {
        const next = new Set(selectedNodes);
        for (const change of selection) {
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        }
        onSelectionChange(next);
      }
      if (readOnly) return;
      const moved = changes.flatMap((change) =>
        change.type === 'position' && change.position ? [{ id: change.id, position: change.position }] : [],
      );
      if (moved.length) moveNodes(doc, moved);
      const removed = changes.flatMap((change) => (change.type === 'remove' ? [change.id] : []));
      if (removed.length) removeNodes(doc, removed);
    },
    [doc, readOnly, selectedNodes, onSelectionChange],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      setSelectedEdges((current) => {
        const next = new Set(current);
        for (const change of changes) {
          if (change.type === 'select') {
            if (change.selected) next.add(change.id);
            else next.delete(change.id);
          }
        }
        return next;
      });
      const removed = changes.flatMap((change) => (change.type === 'remove' ? [change.id] : []));
      if (removed.length && !readOnly) removeEdges(doc, removed);
    },
    [doc, readOnly],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const edge = {
        source: connection.source,
        sourceHandle: connection.sourceHandle ?? 'out',
        target: connection.target,
      };
      const refusal = connectionRefusal(draft.definition, edge);
      if (refusal) onRefused(refusal);
      else addEdge(doc, edge);
    },
    [doc, draft, onRefused],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const payload = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!payload || readOnly) return;
      event.preventDefault();
      const { type, version } = JSON.parse(payload) as { type: string; version: number };
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const placed = { x: position.x - 80, y: position.y - 20 };
      const id = addNode(doc, { type, typeVersion: version, position: placed });
      revealNode(id, placed);
      onSelectionChange(new Set([id]));
    },
    [doc, flow, readOnly, onSelectionChange, revealNode],
  );

  return (
    <div
      ref={container}
      className="relative h-full min-w-0 flex-1"
      onPointerMove={(event) => onPointerMove(flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }))}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onDrop={onDrop}
        onDragOver={allowPaletteDrop}
        nodesConnectable={!readOnly}
        nodesDraggable={!readOnly}
        edgesFocusable={!readOnly}
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        snapToGrid
        snapGrid={SNAP}
        // Worth it on big graphs only: on small ones every node is on screen anyway.
        onlyRenderVisibleElements={nodes.length > 150}
        fitView
        fitViewOptions={FIT_VIEW}
        colorMode={colorMode}
      >
        <DotGrid gap={SNAP[0]} colorMode={colorMode} />
        <Controls showInteractive={false} />
        <CanvasMiniMap nodes={nodes} colorMode={colorMode} />
        <ViewportPortal>
          {peers.map((peer) =>
            peer.cursor ? (
              <div
                key={peer.clientId}
                className="pointer-events-none absolute flex items-center gap-1"
                style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}
                data-testid="peer-cursor"
              >
                <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden>
                  <path d="M0 0 L14 5 L6 7 L4 14 Z" fill={peer.user.color} />
                </svg>
                <span className="rounded px-1 text-[10px] text-white" style={{ background: peer.user.color }}>
                  {peer.user.name}
                </span>
              </div>
            ) : null,
          )}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}
