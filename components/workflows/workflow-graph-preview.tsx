/** What a preview needs of a definition: where the nodes sit and what connects them. */
export interface PreviewGraph {
  nodes: { id: string; type: string; position?: { x: number; y: number } }[];
  edges?: { source: string; target: string }[];
}

// A node's footprint in canvas units, about the size the editor draws a node card.
const NODE_WIDTH = 180;
const NODE_HEIGHT = 56;
const PADDING = 24;

/**
 * A thumbnail of a workflow's graph drawn from the saved canvas positions, so it looks like the
 * editor will. Strokes keep their on-screen width however far the graph is scaled down.
 */
export function WorkflowGraphPreview({ graph, className }: { graph: PreviewGraph; className?: string }) {
  if (graph.nodes.length === 0) return null;
  const place = (node: PreviewGraph['nodes'][number]) => node.position ?? { x: 0, y: 0 };
  const xs = graph.nodes.map((node) => place(node).x);
  const ys = graph.nodes.map((node) => place(node).y);
  const left = Math.min(...xs) - PADDING;
  const top = Math.min(...ys) - PADDING;
  const width = Math.max(...xs) + NODE_WIDTH + PADDING - left;
  const height = Math.max(...ys) + NODE_HEIGHT + PADDING - top;
  const byId = new Map(graph.nodes.map((node) => [node.id, place(node)]));
  const edges = graph.edges ?? [];
  return (
    <svg
      viewBox={`${left} ${top} ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      className={className}
      role="img"
      aria-label={`Preview: ${graph.nodes.length} nodes, ${edges.length} connections`}
    >
      {edges.map((edge, index) => {
        const from = byId.get(edge.source);
        const to = byId.get(edge.target);
        if (!from || !to) return null;
        const [x1, y1] = [from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2];
        const [x2, y2] = [to.x, to.y + NODE_HEIGHT / 2];
        const bend = Math.max(60, Math.abs(x2 - x1) / 2);
        return (
          <path
            key={index}
            d={`M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`}
            className="fill-none stroke-muted-foreground/60"
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
      {graph.nodes.map((node) => {
        const { x, y } = place(node);
        return (
          <rect
            key={node.id}
            x={x}
            y={y}
            width={NODE_WIDTH}
            height={NODE_HEIGHT}
            rx={10}
            className={
              node.type.startsWith('trigger.') ? 'fill-accent stroke-primary' : 'fill-surface-raised stroke-border'
            }
            strokeWidth={1.5}
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </svg>
  );
}
