'use client';

import { useLayoutEffect, useRef, type PointerEvent, type WheelEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { sizeCanvas, themeColor } from './canvas-drawing';

const WIDTH = 200;
const HEIGHT = 150;
/** Space kept around the graph inside the map, px. */
const PADDING = 6;
/** Nodes are drawn at least this big, so a wide graph's nodes stay visible on the map, px. */
const MIN_NODE_PX = 2;
/** Zoom factor per pixel of wheel travel, as React Flow's own minimap. */
const WHEEL_ZOOM = 0.002;

interface MapNode {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  selected?: boolean;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const viewOf = (state: ReactFlowState) =>
  `${state.transform[0]},${state.transform[1]},${state.transform[2]},${state.width},${state.height}`;

/** Where the map puts the flow: flow units per map pixel and the flow point at the map's top left. */
function mapScale(nodes: MapNode[], view: Rect) {
  let left = view.x;
  let top = view.y;
  let right = view.x + view.width;
  let bottom = view.y + view.height;
  for (const node of nodes) {
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + (node.measured?.width ?? 0));
    bottom = Math.max(bottom, node.position.y + (node.measured?.height ?? 0));
  }
  const unitsPerPixel = Math.max((right - left) / (WIDTH - 2 * PADDING), (bottom - top) / (HEIGHT - 2 * PADDING));
  return {
    unitsPerPixel,
    originX: (left + right) / 2 - (WIDTH / 2) * unitsPerPixel,
    originY: (top + bottom) / 2 - (HEIGHT / 2) * unitsPerPixel,
  };
}

/**
 * An overview of the whole graph with the part on screen marked, drawn on a `<canvas>`: React
 * Flow's SVG minimap is rasterised again, node by node, on every frame of a pan, which on a
 * 1,000-node graph cost more than the canvas itself. Drag it to pan, wheel over it to zoom,
 * click it to centre the view there.
 */
export function CanvasMiniMap({ nodes, colorMode }: { nodes: MapNode[]; colorMode: 'light' | 'dark' }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const view = useStore(viewOf);
  const [x, y, zoom, width, height] = view.split(',').map(Number);
  const scale = mapScale(nodes, { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom });
  const colors = useRef({ colorMode: '', node: '', selected: '', mask: '' });
  const drag = useRef<{ clientX: number; clientY: number; moved: boolean } | null>(null);

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    if (colors.current.colorMode !== colorMode) {
      colors.current = {
        colorMode,
        node: themeColor(element, '--xy-minimap-node-background-color-default'),
        selected: getComputedStyle(element).color,
        mask: themeColor(element, '--xy-minimap-mask-background-color-default'),
      };
    }
    const { unitsPerPixel, originX, originY } = scale;
    const toX = (flowX: number) => (flowX - originX) / unitsPerPixel;
    const toY = (flowY: number) => (flowY - originY) / unitsPerPixel;
    sizeCanvas(element, context, WIDTH, HEIGHT);
    context.clearRect(0, 0, WIDTH, HEIGHT);
    for (const selected of [false, true]) {
      context.fillStyle = selected ? colors.current.selected : colors.current.node;
      for (const node of nodes) {
        if (Boolean(node.selected) !== selected) continue;
        const nodeWidth = Math.max(MIN_NODE_PX, (node.measured?.width ?? 0) / unitsPerPixel);
        const nodeHeight = Math.max(MIN_NODE_PX, (node.measured?.height ?? 0) / unitsPerPixel);
        context.fillRect(toX(node.position.x), toY(node.position.y), nodeWidth, nodeHeight);
      }
    }
    // Everything but the part on screen is veiled.
    context.fillStyle = colors.current.mask;
    context.beginPath();
    context.rect(0, 0, WIDTH, HEIGHT);
    context.rect(toX(-x / zoom), toY(-y / zoom), width / zoom / unitsPerPixel, height / zoom / unitsPerPixel);
    context.fill('evenodd');
  }, [nodes, scale, x, y, zoom, width, height, colorMode]);

  const centreOn = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const flowX = scale.originX + (event.clientX - box.left) * scale.unitsPerPixel;
    const flowY = scale.originY + (event.clientY - box.top) * scale.unitsPerPixel;
    void flow.setViewport({ x: width / 2 - flowX * zoom, y: height / 2 - flowY * zoom, zoom });
  };
  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { clientX: event.clientX, clientY: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) => {
    const start = drag.current;
    if (!start) return;
    const dx = (event.clientX - start.clientX) * scale.unitsPerPixel * zoom;
    const dy = (event.clientY - start.clientY) * scale.unitsPerPixel * zoom;
    drag.current = { clientX: event.clientX, clientY: event.clientY, moved: true };
    void flow.setViewport({ x: x - dx, y: y - dy, zoom });
  };
  const onPointerUp = (event: PointerEvent<HTMLCanvasElement>) => {
    if (drag.current && !drag.current.moved) centreOn(event);
    drag.current = null;
  };
  const onWheel = (event: WheelEvent<HTMLCanvasElement>) => {
    void flow.zoomTo(zoom * Math.pow(2, -event.deltaY * WHEEL_ZOOM));
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap !bg-surface">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Mini map: drag to pan, wheel to zoom"
        className="block cursor-grab text-primary active:cursor-grabbing"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (drag.current = null)}
        onWheel={onWheel}
        data-testid="minimap"
      />
    </Panel>
  );
}
