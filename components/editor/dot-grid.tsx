'use client';

import { useLayoutEffect, useRef } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { sizeCanvas, themeColor } from './canvas-drawing';

const zoomAndSizeOf = (state: ReactFlowState) => `${state.transform[2]},${state.width},${state.height}`;

/** Below this spacing on screen the dots would blur into a grey wash: none are drawn. */
const MIN_SPACING_PX = 6;

/** Where the grid's canvas sits so its dots land on the flow's grid: one spacing up and left of the pane, plus the pan. */
function gridOffset(pan: number, spacing: number): number {
  return (((pan % spacing) + spacing) % spacing) - spacing;
}

/**
 * The canvas's dot grid: a `<canvas>` one grid spacing bigger than the pane, drawn when the zoom or
 * the pane's size changes and only moved, within one spacing, while panning. The move is a
 * transform on its own compositing layer, so a pan frame neither paints nor rasterises the dots
 * (React Flow's SVG `<Background>` is rasterised again, dot by dot, on every frame).
 */
export function DotGrid({ gap, colorMode }: { gap: number; colorMode: 'light' | 'dark' }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const store = useStoreApi();
  const zoomAndSize = useStore(zoomAndSizeOf);
  // Read once per theme: reading styles on every redraw would recompute them each time.
  const dotColor = useRef({ colorMode: '', color: '' });

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const [zoom, width, height] = zoomAndSize.split(',').map(Number);
    const spacing = gap * zoom;
    const dotted = spacing >= MIN_SPACING_PX;
    const canvasWidth = width + (dotted ? spacing : 0);
    const canvasHeight = height + (dotted ? spacing : 0);
    sizeCanvas(element, context, canvasWidth, canvasHeight);
    context.clearRect(0, 0, canvasWidth, canvasHeight);
    if (dotted) {
      if (dotColor.current.colorMode !== colorMode) {
        dotColor.current = { colorMode, color: themeColor(element, '--xy-background-pattern-dots-color-default') };
      }
      context.fillStyle = dotColor.current.color;
      // As React Flow's dots: one flow unit across, so they grow and shrink with the zoom.
      const size = Math.max(1, zoom);
      const half = size / 2;
      for (let left = -half; left < canvasWidth; left += spacing) {
        for (let top = -half; top < canvasHeight; top += spacing) context.fillRect(left, top, size, size);
      }
    }
    let placed = '';
    const place = () => {
      const [x, y] = store.getState().transform;
      const transform = dotted ? `translate(${gridOffset(x, spacing)}px, ${gridOffset(y, spacing)}px)` : 'none';
      if (transform !== placed) element.style.transform = placed = transform;
    };
    place();
    // The pan is read from the store as React Flow's own viewport does, without a render per frame.
    return store.subscribe(place);
  }, [store, zoomAndSize, gap, colorMode]);

  return (
    <canvas
      ref={canvas}
      aria-hidden
      className="react-flow__background pointer-events-none absolute top-0 left-0 will-change-transform"
      data-testid="dot-grid"
    />
  );
}
