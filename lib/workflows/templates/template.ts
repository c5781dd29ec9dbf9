import type { WorkflowDefinitionInput } from '../../definition/schema';

/** A ready-made workflow to start from: a definition laid out on the canvas, meant to be edited. */
export interface WorkflowTemplate {
  id: string;
  name: string;
  description: string;
  definition: WorkflowDefinitionInput;
}

/**
 * A canvas position on the templates' grid: columns run left to right in the order steps run,
 * lanes hold parallel branches. The spacing leaves room for a node card and its edge labels.
 */
export const at = (column: number, lane: number) => ({ x: column * 260, y: lane * 140 });
