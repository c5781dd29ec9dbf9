import type { ELK } from 'elkjs/lib/elk.bundled.js';
import type { DraftDefinition } from '@/lib/collab/draft-doc';
import { NODE_SIZE } from './unmeasured-node';

// elkjs is 1.6 MB of JavaScript, most of the editor's: fetched and run on the first layout asked
// for, not parsed before the canvas can draw.
let elkLoading: Promise<ELK> | undefined;
const loadElk = () => (elkLoading ??= import('elkjs/lib/elk.bundled.js').then(({ default: Elk }) => new Elk()));
/** Fetches elkjs ahead of the first layout, so that one is as quick as the next. */
export const preloadAutoLayout = () => void loadElk();

/** Positions for every node, laid out left to right in layers along the edges (elkjs). */
export async function layoutPositions(
  definition: DraftDefinition,
): Promise<{ id: string; position: { x: number; y: number } }[]> {
  const ids = new Set(definition.nodes.map((node) => node.id));
  const elk = await loadElk();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
    },
    children: definition.nodes.map((node) => ({ id: node.id, ...NODE_SIZE })),
    edges: definition.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  return (graph.children ?? []).map((child) => ({ id: child.id, position: { x: child.x ?? 0, y: child.y ?? 0 } }));
}
