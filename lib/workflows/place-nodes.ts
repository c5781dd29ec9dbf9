import { edgeSourceHandles } from '../connectors/define-node';
import { findNodeType } from '../connectors/registry';
import { layoutPositions, NODE_SIZE, type LayoutGraph } from '../definition/layered-layout';

// elkjs lays out in the web server's own thread, about 2 s for 1,000 nodes here: larger
// definitions are placed on a grid in their order instead.
const MAX_LAYERED_NODES = 300;
const GRID_COLUMNS = 10;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A definition as sent, with its nodes laid out when none of them has a position: one written by
 * hand or by a script for the API would otherwise be drawn with every node on one spot, in the
 * editor and on its runs' pages alike. A definition that places any node is left as it is, as is
 * anything that is not a definition (validation names its faults).
 */
export async function placeUnpositionedNodes(definition: unknown): Promise<unknown> {
  if (!isRecord(definition) || !Array.isArray(definition.nodes)) return definition;
  const nodes: unknown[] = definition.nodes;
  const unplaced =
    nodes.length > 1 &&
    nodes.every((node) => isRecord(node) && typeof node.id === 'string' && node.position === undefined);
  if (!unplaced) return definition;
  const edges = (Array.isArray(definition.edges) ? definition.edges : []).filter(
    (edge): edge is { source: string; target: string; sourceHandle?: unknown } =>
      isRecord(edge) && typeof edge.source === 'string' && typeof edge.target === 'string',
  );
  const graph: LayoutGraph = {
    nodes: (nodes as Record<string, unknown>[]).map((node) => ({ id: node.id as string, outputs: outputsOf(node) })),
    edges: edges.map(({ source, target, sourceHandle }) => ({
      source,
      target,
      sourceHandle: typeof sourceHandle === 'string' ? sourceHandle : 'out',
    })),
  };
  const positions = nodes.length > MAX_LAYERED_NODES ? gridPositions(graph) : await layoutPositions(graph);
  const placed = new Map(positions.map(({ id, position }) => [id, position]));
  return {
    ...definition,
    nodes: (nodes as Record<string, unknown>[]).map((node) => ({ ...node, position: placed.get(node.id as string) })),
  };
}

/**
 * The node's output handles, top to bottom, as the canvas draws them (graph-view.ts), read from
 * the node as sent: a draft may be laid out before it is valid. None for a node of no known type.
 */
function outputsOf(node: Record<string, unknown>): string[] {
  const version = typeof node.typeVersion === 'number' ? node.typeVersion : 1;
  const type = typeof node.type === 'string' ? findNodeType(node.type, version) : undefined;
  if (!type) return [];
  const onError = isRecord(node.settings) ? node.settings.onError : undefined;
  try {
    return edgeSourceHandles(type, node.config ?? {}, onError);
  } catch {
    // A switch whose config holds no cases yet: its case edges leave from the node itself.
    return edgeSourceHandles({ ...type, outputs: [] }, {}, onError);
  }
}

function gridPositions({ nodes }: LayoutGraph) {
  return nodes.map((node, index) => ({
    id: node.id,
    position: {
      x: (index % GRID_COLUMNS) * (NODE_SIZE.width + 80),
      y: Math.floor(index / GRID_COLUMNS) * (NODE_SIZE.height + 40),
    },
  }));
}
