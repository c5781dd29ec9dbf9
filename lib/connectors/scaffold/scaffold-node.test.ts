import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeNames } from './node-templates';
import { scaffoldNode, withRegistryLine } from './scaffold-node';

const repo = path.resolve(import.meta.dirname, '../../..');
const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);

/**
 * A stand-in repository in a temp folder: lib/connectors with real copies of the two registry
 * files and of nodes/ (the scaffolder writes there), everything else linked to this repository.
 */
async function mirrorRepository(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'node-new-'));
  await symlink(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
  await copyFile(path.join(repo, '.prettierrc.json'), path.join(root, '.prettierrc.json'));
  // Node files reach the Temporal client through lib (the event.emit node starts a fan-out).
  await symlink(path.join(repo, 'temporal'), path.join(root, 'temporal'));
  const connectors = path.join(root, 'lib', 'connectors');
  await mkdir(path.join(connectors, 'nodes'), { recursive: true });
  for (const entry of await readdir(path.join(repo, 'lib'))) {
    if (entry !== 'connectors') await symlink(path.join(repo, 'lib', entry), path.join(root, 'lib', entry));
  }
  for (const entry of await readdir(path.join(repo, 'lib', 'connectors'))) {
    const from = path.join(repo, 'lib', 'connectors', entry);
    if (entry === 'workflow-nodes.ts' || entry === 'activity-nodes.ts')
      await copyFile(from, path.join(connectors, entry));
    else if (entry !== 'nodes') await symlink(from, path.join(connectors, entry));
  }
  for (const entry of await readdir(path.join(repo, 'lib', 'connectors', 'nodes'))) {
    if (!entry.endsWith('.test.ts')) {
      await symlink(path.join(repo, 'lib', 'connectors', 'nodes', entry), path.join(connectors, 'nodes', entry));
    }
  }
  return root;
}

let root: string;
beforeEach(async () => {
  root = await mirrorRepository();
});
afterEach(() => rm(root, { recursive: true, force: true }));

const read = (file: string) => readFile(path.join(root, file), 'utf8');

describe('npm run node:new', () => {
  it('derives the file, constant and label from the type', () => {
    expect(nodeNames('text.wordCount', 'pure')).toEqual({
      type: 'text.wordCount',
      kind: 'pure',
      category: 'data',
      file: 'text-word-count',
      identifier: 'textWordCount',
      label: 'Text word count',
    });
    expect(nodeNames('ai.summarize', 'activity').category).toBe('ai');
  });

  it('adds an import and an entry to a one-line and to a multi-line registry', () => {
    const names = nodeNames('text.echo', 'activity');
    const oneLine = "import { a } from './nodes/a';\n\nexport const list: NodeType[] = [a];\n";
    expect(withRegistryLine(oneLine, names)).toBe(
      "import { a } from './nodes/a';\nimport { textEcho } from './nodes/text-echo';\n\nexport const list: NodeType[] = [a, textEcho];\n",
    );
    const multiLine = "import { a } from './nodes/a';\nexport const list: NodeType[] = [\n  a,\n];\n";
    expect(withRegistryLine(multiLine, names)).toContain('= [a, textEcho];');
  });

  it('writes a node of each kind whose file typechecks, whose test passes and which the registry lists', async () => {
    const written = [
      ...(await scaffoldNode({ root, type: 'text.upper', kind: 'pure' })),
      ...(await scaffoldNode({ root, type: 'text.fetchQuote', kind: 'activity' })),
    ];
    // The command itself, as `npm run node:new` runs it.
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'new-node-command.ts'),
        'flow.hold',
        '--kind',
        'control',
        '--root',
        root,
      ],
      { encoding: 'utf8', cwd: repo },
    );
    expect(output).toContain('wrote lib/connectors/nodes/flow-hold.ts');
    expect(written.map((file) => path.relative(root, file))).toEqual([
      'lib/connectors/nodes/text-upper.ts',
      'lib/connectors/nodes/text-upper.test.ts',
      'lib/connectors/workflow-nodes.ts',
      'lib/connectors/nodes/text-fetch-quote.ts',
      'lib/connectors/nodes/text-fetch-quote.test.ts',
      'lib/connectors/activity-nodes.ts',
    ]);
    const workflowRegistry = await read('lib/connectors/workflow-nodes.ts');
    expect(workflowRegistry).toContain("import { textUpper } from './nodes/text-upper';");
    expect(workflowRegistry).toContain("import { flowHold } from './nodes/flow-hold';");
    expect(workflowRegistry).toMatch(/ {2}workflowOutput,\n {2}textUpper,\n {2}flowHold,\n\];/);
    expect(await read('lib/connectors/activity-nodes.ts')).toMatch(/ {2}eventEmit,\n {2}textFetchQuote,\n\];/);

    const files = ['text-upper', 'text-fetch-quote', 'flow-hold'].flatMap((name) => [
      `lib/connectors/nodes/${name}.ts`,
      `lib/connectors/nodes/${name}.test.ts`,
    ]);
    await writeFile(
      path.join(root, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(repo, 'tsconfig.json'),
        compilerOptions: { incremental: false, plugins: [] },
        include: [],
        files: [...files, 'lib/connectors/workflow-nodes.ts', 'lib/connectors/activity-nodes.ts'],
      }),
    );
    execFileSync(bin('tsc'), ['--noEmit', '-p', path.join(root, 'tsconfig.json')], { encoding: 'utf8' });
    execFileSync(bin('prettier'), ['--check', ...files], { cwd: root, encoding: 'utf8' });
    const tests = execFileSync(bin('vitest'), ['run', '--root', root, '--dir', 'lib/connectors/nodes'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    expect(tests).toMatch(/Tests\s+3 passed \(3\)/);
  }, 180_000);

  it('refuses a type that exists, a malformed type and an unknown kind, writing nothing', async () => {
    await expect(scaffoldNode({ root, type: 'http.request', kind: 'activity' })).rejects.toThrow(
      'lib/connectors/nodes/http-request.ts already exists',
    );
    await expect(scaffoldNode({ root, type: 'flow.forEach', kind: 'control' })).rejects.toThrow(
      'nodes/for-each.ts already declares flow.forEach',
    );
    await expect(scaffoldNode({ root, type: 'Text Echo', kind: 'pure' })).rejects.toThrow('is not a node type');
    await expect(scaffoldNode({ root, type: 'text.echo', kind: 'magic' })).rejects.toThrow(
      '--kind must be one of pure, activity, control, not "magic"',
    );
    expect(await read('lib/connectors/workflow-nodes.ts')).toBe(
      await readFile(path.join(repo, 'lib/connectors/workflow-nodes.ts'), 'utf8'),
    );
  });
});
