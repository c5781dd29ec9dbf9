import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { NodeType } from '../../lib/connectors/define-node';
import { workflowBundleOptions } from '../workflow-bundle-options';

const repo = path.resolve(import.meta.dirname, '../..');
const nodesFolder = path.join(repo, 'lib/connectors/nodes');

/** The files in lib/connectors/nodes/ that declare a node type of one of `kinds`. */
async function nodeFilesOfKind(kinds: NodeType['kind'][]): Promise<string[]> {
  const files = (await readdir(nodesFolder)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const matching: string[] = [];
  for (const file of files) {
    const exports: Record<string, unknown> = await import(path.join(nodesFolder, file));
    const declared = Object.values(exports).filter(
      (value): value is NodeType => typeof value === 'object' && value !== null && 'kind' in value,
    );
    if (declared.some((node) => kinds.includes(node.kind))) matching.push(`lib/connectors/nodes/${file}`);
  }
  return matching.sort();
}

describe('the workflow bundle', () => {
  it('holds the interpreter with the pure and control nodes, and no activity or server-only code', async () => {
    const { code } = await bundleWorkflowCode({
      ...workflowBundleOptions,
      logger: new DefaultLogger('WARN'),
    });
    // Webpack names each module it bundles in a comment; these are the project's own.
    const modules = [...new Set([...code.matchAll(/\/\*{3}\/ "\.\/([^"]+)"/g)].map((match) => match[1]))].filter(
      (module) => !module.startsWith('node_modules/'),
    );
    const libModules = modules.filter((module) => module.startsWith('lib/'));
    expect(libModules.filter((module) => module.startsWith('lib/connectors/nodes/')).sort()).toEqual(
      await nodeFilesOfKind(['pure', 'control']),
    );
    const allowed =
      /^lib\/(definition\/|runs\/run-contract\.ts$|schedules\/cron-expression\.ts$|events-bus\/(topic|event-schema)\.ts$|connectors\/(define-node|node-key|workflow-nodes)\.ts$|connectors\/nodes\/)/;
    expect(libModules.filter((module) => !allowed.test(module))).toEqual([]);
    expect(modules.filter((module) => !module.startsWith('lib/') && !module.startsWith('temporal/workflows/'))).toEqual(
      [],
    );
  }, 60_000);
});
