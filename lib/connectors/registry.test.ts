import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NodeType } from './define-node';
import { activityNodeTypes } from './activity-nodes';
import { nodeKey } from './node-key';
import { findNodeType, nodeTypes } from './registry';
import { findWorkflowNodeType, workflowNodeTypes } from './workflow-nodes';

const nodesFolder = path.join(import.meta.dirname, 'nodes');

const isNodeType = (value: unknown): value is NodeType =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as NodeType).type === 'string' &&
  typeof (value as NodeType).version === 'number' &&
  ['pure', 'activity', 'control'].includes((value as NodeType).kind);

/** Every node type each file in nodes/ exports, as `file: type@version`. */
async function exportedNodeTypes(): Promise<{ where: string; node: NodeType }[]> {
  const files = (await readdir(nodesFolder)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const found = await Promise.all(
    files.map(async (file) => {
      const exports: Record<string, unknown> = await import(path.join(nodesFolder, file));
      return Object.values(exports)
        .filter(isNodeType)
        .map((node) => ({ where: `nodes/${file}: ${nodeKey(node.type, node.version)}`, node }));
    }),
  );
  return found.flat();
}

describe('node registry', () => {
  it('registers every node type a file in nodes/ declares, in the list its kind belongs to', async () => {
    const exported = await exportedNodeTypes();
    const misplaced = exported
      .filter(({ node }) => !(node.kind === 'activity' ? activityNodeTypes : workflowNodeTypes).includes(node))
      .map(
        ({ where, node }) => `${where} is missing from ${node.kind === 'activity' ? 'activity' : 'workflow'}-nodes.ts`,
      );
    expect(misplaced).toEqual([]);
    // And nothing is registered that no file in nodes/ declares.
    expect(exported.length).toBe(nodeTypes.length);
  });

  it('holds each type and version once', () => {
    const keys = nodeTypes.map((node) => nodeKey(node.type, node.version));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    for (const node of nodeTypes) expect(findNodeType(node.type, node.version)).toBe(node);
  });

  it('gives every node type its behaviour: execute for pure and activity nodes, run for control nodes', () => {
    const missing = nodeTypes
      .filter((node) => (node.kind === 'control' ? typeof node.run !== 'function' : typeof node.execute !== 'function'))
      .map((node) => `${nodeKey(node.type, node.version)} (${node.kind})`);
    expect(missing).toEqual([]);
  });

  it('lets the workflow find pure and control nodes by type and version, never activity nodes', () => {
    for (const node of workflowNodeTypes) expect(findWorkflowNodeType(node.type, node.version)).toBe(node);
    for (const node of activityNodeTypes) expect(findWorkflowNodeType(node.type, node.version)).toBeUndefined();
    expect(workflowNodeTypes.map((node) => node.kind).filter((kind) => kind === 'activity')).toEqual([]);
    expect(findWorkflowNodeType('flow.merge', 2)).toBeUndefined();
  });

  it('starts a scope only from triggers, and on the first input only from a first-mode merge', () => {
    expect(nodeTypes.filter((node) => node.startsScope).map((node) => node.type)).toEqual([
      'trigger.manual',
      'trigger.webhook',
      'trigger.schedule',
      'trigger.event',
    ]);
    expect(nodeTypes.filter((node) => node.startsOnFirstInput).map((node) => node.type)).toEqual(['flow.merge']);
  });
});
