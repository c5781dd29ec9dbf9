import type { NodeType } from './define-node';
import { activityNodeTypes } from './activity-nodes';
import { nodeKey } from './node-key';
import { workflowNodeTypes } from './workflow-nodes';

/** Every node type, the one source for validation, the worker and the palette. */
export const nodeTypes: NodeType[] = [...workflowNodeTypes, ...activityNodeTypes];

const byKey = new Map(nodeTypes.map((node) => [nodeKey(node.type, node.version), node]));

export function findNodeType(type: string, version: number): NodeType | undefined {
  return byKey.get(nodeKey(type, version));
}

export function knownVersions(type: string): number[] {
  return nodeTypes.filter((node) => node.type === type).map((node) => node.version);
}
