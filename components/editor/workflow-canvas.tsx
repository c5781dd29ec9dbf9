'use client';

import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type RefObject,
} from 'react';
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type ReactFlowState,
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
import { rememberCanvasSize, type CanvasSize } from './canvas-size';
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
  /** The size the server took the canvas to have when it fitted the first view. */
  assumedSize: CanvasSize;
}

/**
 * The draft drawn with React Flow: every change the user makes is written to the Yjs document.
 * The first view is fitted to the size the canvas is assumed to have, on the server as in the
 * browser, so the page arrives with the graph drawn (React Flow skips what is off screen).
 */
export function WorkflowCanvas(props: WorkflowCanvasProps) {
  const { doc, draft, palette, decorations, edgeProblems, edgeDiff, readOnly, selectedNodes } = props;
  const { onSelectionChange, onRefused, assumedSize } = props;
  // What React Flow measured of each node; everything else about a node comes from the draft.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
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
  const edges = useMemo(
    () => toFlowEdges(draft.definition, selectedEdges, edgeProblems, edgeDiff),
    [draft, selectedEdges, edgeProblems, edgeDiff],
  );
  // React Flow reads these once, to fit and draw the first view before any effect runs.
  const [first] = useState(() => ({ nodes, edges }));

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

  return (
    <ReactFlowProvider
      initialNodes={first.nodes}
      initialEdges={first.edges}
      initialWidth={assumedSize.width}
      initialHeight={assumedSize.height}
      fitView
      initialFitViewOptions={FIT_VIEW}
      initialMaxZoom={FIT_VIEW.maxZoom}
    >
      <CanvasFlow
        {...props}
        nodes={nodes}
        edges={edges}
        flowNodes={flowNodes}
        firstNodeCount={first.nodes.length}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
      />
    </ReactFlowProvider>
  );
}

const sizeOf = (state: ReactFlowState) => `${Math.round(state.width)}x${Math.round(state.height)}`;

interface CanvasFlowProps extends WorkflowCanvasProps {
  nodes: FlowNodeType[];
  edges: Edge[];
  /** The draft's nodes before measurement and selection: a change of these is what a fit waits for. */
  flowNodes: FlowNodeType[];
  firstNodeCount: number;
  onNodesChange: (changes: NodeChange<FlowNodeType>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
}

function CanvasFlow(props: CanvasFlowProps) {
  const { doc, nodes, edges, flowNodes, readOnly, peers, assumedSize, firstNodeCount, fitRequestedRef } = props;
  const { onSelectionChange, onPointerMove, onNodesChange, onEdgesChange, onConnect } = props;
  const flow = useReactFlow();
  const store = useStoreApi();
  const { resolvedTheme } = useTheme();
  const colorMode = resolvedTheme === 'light' ? 'light' : 'dark';
  const container = useRef<HTMLDivElement>(null);
  const revealNode = useRevealNode(container, props.inspectedNodeId);
  const size = useStore(sizeOf);
  // Where the first view was fitted: React Flow would otherwise start its pan and zoom at 0, 0, 1.
  const [firstViewport] = useState(() => {
    const [x, y, zoom] = store.getState().transform;
    return { x, y, zoom };
  });

  // The first view was fitted as the page was drawn; React Flow would fit it again on its first
  // measurement, moving what the user already sees. It is fitted again only when the canvas is
  // not the size assumed, or when the graph arrives later (a draft never stored).
  useLayoutEffect(() => {
    store.setState({ fitViewQueued: false });
    const box = container.current!.getBoundingClientRect();
    const assumed = Math.round(box.width) === assumedSize.width && Math.round(box.height) === assumedSize.height;
    if (firstNodeCount === 0 || !assumed) fitRequestedRef.current = true;
    // Once, for the first view only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => rememberCanvasSize(size), [size]);
  useEffect(() => {
    if (!fitRequestedRef.current || flowNodes.length === 0) return;
    fitRequestedRef.current = false;
    requestAnimationFrame(() => void flow.fitView(FIT_VIEW));
    // The draft or the view changing is what a fit waits for (nodes may come back unchanged).
  }, [flowNodes, flow, fitRequestedRef]);

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
        defaultViewport={firstViewport}
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
