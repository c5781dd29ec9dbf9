'use client';

import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NODE_SIZE } from '@/lib/definition/layered-layout';

const MARGIN = 40;

/**
 * Pans the canvas just enough to show a node placed a moment ago. Adding a node selects it, and
 * the inspector that opens narrows the canvas: a node dropped near the right edge would end up
 * under it. Runs after the commit that shows the node in the inspector, when the canvas has its
 * new size (the node reaches the draft, and so the inspector, a render or two after the drop).
 */
export function useRevealNode(container: RefObject<HTMLDivElement | null>, inspectedNodeId: string | undefined) {
  const flow = useReactFlow();
  const pending = useRef<{ id: string; position: { x: number; y: number } } | null>(null);

  useEffect(() => {
    const bounds = container.current?.getBoundingClientRect();
    if (!pending.current || pending.current.id !== inspectedNodeId || !bounds) return;
    const { position } = pending.current;
    pending.current = null;
    const { x, y, zoom } = flow.getViewport();
    const shift = (start: number, size: number, room: number) => {
      const end = start + size;
      if (end > room - MARGIN) return Math.max(room - MARGIN - end, MARGIN - start);
      return start < MARGIN ? MARGIN - start : 0;
    };
    const dx = shift(position.x * zoom + x, NODE_SIZE.width * zoom, bounds.width);
    const dy = shift(position.y * zoom + y, NODE_SIZE.height * zoom, bounds.height);
    if (dx !== 0 || dy !== 0) void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 150 });
  }, [inspectedNodeId, container, flow]);

  return useCallback((id: string, position: { x: number; y: number }) => {
    pending.current = { id, position };
  }, []);
}
