'use client';

import { useLayoutEffect, useRef } from 'react';
import { useStore, type ReactFlowState } from '@xyflow/react';
import { sizeCanvas, themeColor } from './canvas-drawing';

const viewOf = (state: ReactFlowState) =>
  `${state.transform[0]},${state.transform[1]},${state.transform[2]},${state.width},${state.height}`;

/** Below this spacing on screen the dots would blur into a grey wash: none are drawn. */
const MIN_SPACING_PX = 6;

/**
 * The canvas's dot grid, drawn on a `<canvas>`. React Flow's `<Background>` is an SVG pattern the
 * browser rasterises again, dot by dot, on every frame of a pan; on a big graph that was most of
 * a frame's paint. A bitmap redrawn with a few thousand `fillRect`s is copied instead.
 */
export function DotGrid({ gap, colorMode }: { gap: number; colorMode: 'light' | 'dark' }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useStore(viewOf);
  // Read once per theme: reading styles on every frame of a pan would recompute them each time.
  const dotColor = useRef({ colorMode: '', color: '' });

  useLayoutEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const [x, y, zoom, width, height] = view.split(',').map(Number);
    sizeCanvas(element, context, width, height);
    context.clearRect(0, 0, width, height);
    const spacing = gap * zoom;
    if (spacing < MIN_SPACING_PX) return;
    if (dotColor.current.colorMode !== colorMode) {
      dotColor.current = { colorMode, color: themeColor(element, '--xy-background-pattern-dots-color-default') };
    }
    context.fillStyle = dotColor.current.color;
    // As React Flow's dots: one flow unit across, so they grow and shrink with the zoom.
    const size = Math.max(1, zoom);
    const half = size / 2;
    const startX = (((x % spacing) + spacing) % spacing) - half;
    const startY = (((y % spacing) + spacing) % spacing) - half;
    for (let left = startX; left < width; left += spacing) {
      for (let top = startY; top < height; top += spacing) context.fillRect(left, top, size, size);
    }
  }, [view, gap, colorMode]);

  return (
    <canvas
      ref={canvas}
      aria-hidden
      className="react-flow__background pointer-events-none absolute top-0 left-0"
      data-testid="dot-grid"
    />
  );
}
