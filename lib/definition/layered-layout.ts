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
  /** `outputs`: the node's output handles, top to bottom as the node draws them. */
  nodes: { id: string; outputs?: string[] }[];
  edges: { source: string; target: string; sourceHandle?: string }[];
}

const portId = (nodeId: string, handle: string) => `${nodeId}\u0000${handle}`;

/**
 * Positions for every node, laid out left to right in layers along the edges (elkjs). Edges
 * leave from their output handle's port, in the node's order, so an if's `true` branch is laid
 * out above its `false` one and the two edges do not cross.
 */
export async function layoutPositions(
  graph: LayoutGraph,
): Promise<{ id: string; position: { x: number; y: number } }[]> {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const outputs = new Map(graph.nodes.map((node) => [node.id, node.outputs ?? []]));
  const elk = await loadElk();
  const laidOut = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: graph.nodes.map((node) => ({
      id: node.id,
      ...NODE_SIZE,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: (node.outputs ?? []).map((handle, index) => ({
        id: portId(node.id, handle),
        width: 0,
        height: 0,
        // Clockwise from the top left corner: on the east side, top to bottom.
        layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
      })),
    })),
    edges: graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge, index) => {
        const handle = edge.sourceHandle;
        const fromPort = handle !== undefined && outputs.get(edge.source)?.includes(handle);
        const source = fromPort ? portId(edge.source, handle) : edge.source;
        return { id: `edge-${index}`, sources: [source], targets: [edge.target] };
      }),
  });
  return (laidOut.children ?? []).map((child) => ({ id: child.id, position: { x: child.x ?? 0, y: child.y ?? 0 } }));
}
