/** What a preview needs of a definition: where the nodes sit and what connects them. */
export interface PreviewGraph {
  nodes: {
    id: string;
    type: string;
    position?: { x: number; y: number };
    settings?: { compensation?: string };
  }[];
  edges?: { source: string; target: string }[];
}

type Point = { x: number; y: number };

// A node's footprint in canvas units, about the size the editor draws a node card.
const NODE_WIDTH = 180;
const NODE_HEIGHT = 56;
const PADDING = 24;
/** How far below the lower of its two nodes an edge back to an earlier column runs (a loop). */
const LOOP_DROP = 36;

/**
 * An edge from the source's right side: forward into the target's left side, or, when the target
 * lies to the left (a for-each loop closing), under both nodes and up into the target's bottom,
 * so it does not cut across the nodes in between.
 */
function edgePath(from: Point, to: Point): string {
  const [x1, y1] = [from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2];
  if (to.x > from.x) {
    const [x2, y2] = [to.x, to.y + NODE_HEIGHT / 2];
    const bend = Math.max(60, (x2 - x1) / 2);
    return `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
  }
  const [x2, y2] = [to.x + NODE_WIDTH / 2, to.y + NODE_HEIGHT];
  const low = Math.max(from.y, to.y) + NODE_HEIGHT + LOOP_DROP;
  return `M ${x1} ${y1} C ${x1 + 40} ${y1}, ${x1 + 40} ${low}, ${x1} ${low} L ${x2 + 20} ${low} Q ${x2} ${low}, ${x2} ${low - 20} L ${x2} ${y2}`;
}

/**
 * A thumbnail of a workflow's graph drawn from the saved canvas positions, so it looks like the
 * editor will. Dashed links join a step to the node that compensates it. Strokes keep their
 * on-screen width however far the graph is scaled down.
 */
export function WorkflowGraphPreview({ graph, className }: { graph: PreviewGraph; className?: string }) {
  if (graph.nodes.length === 0) return null;
  const place = (node: PreviewGraph['nodes'][number]) => node.position ?? { x: 0, y: 0 };
  const byId = new Map(graph.nodes.map((node) => [node.id, place(node)]));
  const edges = graph.edges ?? [];
  const loops = edges.filter((edge) => (byId.get(edge.target)?.x ?? 0) <= (byId.get(edge.source)?.x ?? 0));
  const xs = graph.nodes.map((node) => place(node).x);
  const ys = graph.nodes.map((node) => place(node).y);
  const left = Math.min(...xs) - PADDING;
  const top = Math.min(...ys) - PADDING;
  const width = Math.max(...xs) + NODE_WIDTH + PADDING - left;
  const bottom = Math.max(...ys) + NODE_HEIGHT + (loops.length ? LOOP_DROP : 0) + PADDING;
  const stroke = { strokeWidth: 1.5, vectorEffect: 'non-scaling-stroke' } as const;
  return (
    <svg
      viewBox={`${left} ${top} ${width} ${bottom - top}`}
      preserveAspectRatio="xMidYMid meet"
      className={className}
      role="img"
      aria-label={`Preview: ${graph.nodes.length} nodes, ${edges.length} connections`}
    >
      {edges.map((edge, index) => {
        const from = byId.get(edge.source);
        const to = byId.get(edge.target);
        if (!from || !to) return null;
        return <path key={index} d={edgePath(from, to)} className="fill-none stroke-muted-foreground/60" {...stroke} />;
      })}
      {graph.nodes.map((node) => {
        const from = place(node);
        const to = node.settings?.compensation ? byId.get(node.settings.compensation) : undefined;
        if (!to) return null;
        return (
          <line
            key={`${node.id}-compensation`}
            x1={from.x + NODE_WIDTH / 2}
            y1={from.y + NODE_HEIGHT}
            x2={to.x + NODE_WIDTH / 2}
            y2={to.y}
            className="stroke-muted-foreground/60"
            strokeDasharray="4 3"
            {...stroke}
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
            {...stroke}
          />
        );
      })}
    </svg>
  );
}
