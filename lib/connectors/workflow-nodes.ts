// Node types whose behaviour runs inside the workflow: pure nodes and control nodes. This file
// is bundled into Temporal's deterministic workflow sandbox: nothing here may import Node APIs or
// do I/O. A new pure or control node is one file in nodes/ and one line in the list below.
import type { NodeType } from './define-node';
import { nodeKey } from './node-key';
import { manualTrigger } from './nodes/manual-trigger';
import { webhookTrigger } from './nodes/webhook-trigger';
import { scheduleTrigger } from './nodes/schedule-trigger';
import { eventTrigger } from './nodes/event-trigger';
import { setVariables } from './nodes/set-variables';
import { transform } from './nodes/transform';
import { ifElse } from './nodes/if-else';
import { switchNode } from './nodes/switch';
import { parallel } from './nodes/parallel';
import { merge } from './nodes/merge';
import { forEach } from './nodes/for-each';
import { delay } from './nodes/delay';
import { approval } from './nodes/approval';
import { subWorkflow } from './nodes/sub-workflow';
import { stopAndError } from './nodes/stop-and-error';
import { workflowOutput } from './nodes/workflow-output';

export const workflowNodeTypes: NodeType[] = [
  manualTrigger,
  webhookTrigger,
  scheduleTrigger,
  eventTrigger,
  setVariables,
  transform,
  ifElse,
  switchNode,
  parallel,
  merge,
  forEach,
  delay,
  approval,
  subWorkflow,
  stopAndError,
  workflowOutput,
];

const byKey = new Map(workflowNodeTypes.map((node) => [nodeKey(node.type, node.version), node]));

/** The pure or control node type of this type and version; undefined for activity nodes. */
export function findWorkflowNodeType(type: string, version: number): NodeType | undefined {
  return byKey.get(nodeKey(type, version));
}
