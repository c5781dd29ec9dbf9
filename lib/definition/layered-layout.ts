import type { ELK } from 'elkjs/lib/elk.bundled.js';

/**
 * The size the canvas draws a node at until it shows problems, a run or an approval: its width
 * is fixed and this is its least height. Layouts space nodes by it.
 */
export const NODE_SIZE = { width: 200, height: 56 };

// elkjs is 1.6 MB of JavaScript: fetched and run on the first layout asked for, not parsed
// before a page (or the web server) needs it.
let elkLoading: Promise<ELK> | undefined;
const loadElk = () => (elkLoading ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk()));
/** Fetches elkjs ahead of the first layout, so that one is as quick as the next. */
export const preloadAutoLayout = () => void loadElk();

export interface LayoutGraph {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}

/** Positions for every node, laid out left to right in layers along the edges (elkjs). */
export async function layoutPositions(
  graph: LayoutGraph,
): Promise<{ id: string; position: { x: number; y: number } }[]> {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const elk = await loadElk();
  const laidOut = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: graph.nodes.map((node) => ({ id: node.id, ...NODE_SIZE })),
    edges: graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge, index) => ({ id: `edge-${index}`, sources: [edge.source], targets: [edge.target] })),
  });
  return (laidOut.children ?? []).map((child) => ({ id: child.id, position: { x: child.x ?? 0, y: child.y ?? 0 } }));
}
