import type { WorkflowDefinitionInput } from '../../lib/definition/schema';

// The graphs the bench opens: layers of nodes left to right, as auto-layout draws a long flow.
// Node types are real ones, checked against GET /api/nodes, each with a config that passes
// validation, so the canvas draws nodes as a finished workflow shows them (no problem lines).

/** What the bench needs to know of a node type from GET /api/nodes. */
export interface NodeTypeInfo {
  type: string;
  outputs: string[] | 'dynamic';
}

const TRIGGER = 'trigger.manual';

/** The step types the layers cycle through, with a valid config for each. */
const STEP_CONFIGS: Record<string, (index: number) => Record<string, unknown>> = {
  'data.transform': (index) => ({ expression: `{ "step": ${index}, "input": input }` }),
  'data.set': (index) => ({ values: { [`v${index}`]: index } }),
  'logic.if': (index) => ({ condition: `{{ input.count > ${index} }}` }),
  'http.request': (index) => ({ method: 'GET', url: `https://api.example.com/items/${index}` }),
  'flow.merge': () => ({ mode: 'wait-all' }),
};

/** Horizontal and vertical distance between node origins: nodes are about 200 × 64 pixels. */
export const LAYER_GAP = 280;
export const ROW_GAP = 140;

/** The output every edge leaves a node of this type by: its first one. */
function firstOutput(types: Map<string, NodeTypeInfo>, type: string): string {
  const outputs = types.get(type)?.outputs;
  return Array.isArray(outputs) && outputs.length ? outputs[0] : 'out';
}

/**
 * `count` nodes in layers of `rows`: node `n0` is the trigger, every other node takes an edge
 * from the node beside it in the previous layer, and every other one a second edge from the row
 * below, so there are about 1.5 edges per node, crossing as they do in real flows.
 */
export function layeredGraph(count: number, types: Map<string, NodeTypeInfo>): WorkflowDefinitionInput {
  const stepTypes = Object.keys(STEP_CONFIGS);
  const missing = [TRIGGER, ...stepTypes].filter((type) => !types.has(type));
  if (missing.length) {
    throw new Error(`GET /api/nodes lacks ${missing.join(', ')}: update STEP_CONFIGS in bench/editor/graph.ts`);
  }
  const rows = Math.max(1, Math.round(Math.sqrt(count / 1.6)));
  const id = (index: number) => `n${index}`;
  const nodes: WorkflowDefinitionInput['nodes'] = [];
  const edges: WorkflowDefinitionInput['edges'] = [];
  for (let index = 0; index < count; index++) {
    const layer = Math.floor(index / rows);
    const row = index % rows;
    const type = index === 0 ? TRIGGER : stepTypes[index % stepTypes.length];
    nodes.push({
      id: id(index),
      type,
      name: `${type.split('.')[1]} ${index}`,
      config: index === 0 ? {} : STEP_CONFIGS[type](index),
      position: { x: layer * LAYER_GAP, y: row * ROW_GAP },
    });
    const edge = (source: number) =>
      edges.push({ source: id(source), sourceHandle: firstOutput(types, nodes[source].type), target: id(index) });
    if (layer === 0) {
      if (index > 0) edge(0);
      continue;
    }
    edge(index - rows);
    if (index % 2 === 0 && row + 1 < rows && index - rows + 1 < count) edge(index - rows + 1);
  }
  return { nodes, edges };
}
