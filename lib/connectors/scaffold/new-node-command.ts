// `npm run node:new -- <type> --kind pure|activity|control`: writes a working node type, its unit
// test and its registry line, to edit from there (CONTRIBUTING.md, "Adding a node type").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldNode } from './scaffold-node';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: 'string' }, root: { type: 'string', default: process.cwd() } },
});

if (positionals.length !== 1 || !values.kind) {
  process.stderr.write('Usage: npm run node:new -- <type> --kind pure|activity|control   (e.g. text.wordCount)\n');
  process.exit(2);
}

try {
  const written = await scaffoldNode({ root: values.root, type: positionals[0], kind: values.kind });
  for (const file of written) process.stdout.write(`wrote ${path.relative(values.root, file)}\n`);
  process.stdout.write(
    'Next: replace the example config, output and behaviour, then run npx vitest run --project unit lib/connectors\n',
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
