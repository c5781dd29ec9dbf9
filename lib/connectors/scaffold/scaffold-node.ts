import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import type { NodeKind } from '../define-node';
import { NODE_TYPE_PATTERN, nodeNames, nodeSource, nodeTestSource, type NodeNames } from './node-templates';

const kinds: readonly NodeKind[] = ['pure', 'activity', 'control'];

/** Pure and control nodes run in the workflow, activity nodes in the worker: each list is bundled apart. */
const registryFile = (kind: NodeKind) => (kind === 'activity' ? 'activity-nodes.ts' : 'workflow-nodes.ts');

async function formatted(file: string, source: string): Promise<string> {
  const options = await prettier.resolveConfig(file);
  return prettier.format(source, { ...options, filepath: file });
}

/** Adds the node's import and its entry at the end of the registry's list. */
export function withRegistryLine(registry: string, names: NodeNames): string {
  const imports = [...registry.matchAll(/^import .* from '\.\/nodes\/.*';$/gm)];
  const lastImport = imports.at(-1);
  const list = /(export const \w+: NodeType\[\] = \[)([^\]]*)(\];)/.exec(registry);
  if (!lastImport || !list)
    throw new Error('The registry no longer has the shape node:new edits: add the line by hand');
  const entries = list[2].trim().replace(/,$/, '');
  const withEntry = `${list[1]}${entries ? `${entries}, ` : ''}${names.identifier}${list[3]}`;
  const afterImport = lastImport.index + lastImport[0].length;
  const importLine = `\nimport { ${names.identifier} } from './nodes/${names.file}';`;
  const withImport = registry.slice(0, afterImport) + importLine + registry.slice(afterImport);
  return withImport.replace(list[0], withEntry);
}

/**
 * Writes a working node type of `kind` (its file in nodes/ and a unit test beside it) and its
 * line in the registry, under `root`, the repository. Refuses a type that already has a file.
 */
export async function scaffoldNode(options: { root: string; type: string; kind: string }): Promise<string[]> {
  const { root, type, kind } = options;
  if (!NODE_TYPE_PATTERN.test(type)) {
    throw new Error(`"${type}" is not a node type: use dotted camelCase names such as text.wordCount`);
  }
  if (!kinds.includes(kind as NodeKind)) throw new Error(`--kind must be one of ${kinds.join(', ')}, not "${kind}"`);
  const names = nodeNames(type, kind as NodeKind);
  const connectors = path.join(root, 'lib', 'connectors');
  const nodeFile = path.join(connectors, 'nodes', `${names.file}.ts`);
  const testFile = path.join(connectors, 'nodes', `${names.file}.test.ts`);
  const registry = path.join(connectors, registryFile(names.kind));
  if (existsSync(nodeFile)) throw new Error(`${path.relative(root, nodeFile)} already exists`);
  for (const file of await readdir(path.join(connectors, 'nodes'))) {
    if ((await readFile(path.join(connectors, 'nodes', file), 'utf8')).includes(`type: '${type}'`)) {
      throw new Error(`nodes/${file} already declares ${type}: to change its config incompatibly, bump its version`);
    }
  }
  const updatedRegistry = withRegistryLine(await readFile(registry, 'utf8'), names);
  await writeFile(nodeFile, await formatted(nodeFile, nodeSource(names)));
  await writeFile(testFile, await formatted(testFile, nodeTestSource(names)));
  await writeFile(registry, await formatted(registry, updatedRegistry));
  return [nodeFile, testFile, registry];
}
