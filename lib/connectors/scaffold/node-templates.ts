import type { NodeCategory, NodeKind } from '../define-node';

/** The names one node type's files and registry line use, all derived from its type. */
export interface NodeNames {
  type: string;
  kind: NodeKind;
  category: NodeCategory;
  /** `text.wordCount` → `text-word-count`: the file name in nodes/, without `.ts`. */
  file: string;
  /** `text.wordCount` → `textWordCount`: the exported constant the registry lists. */
  identifier: string;
  /** `text.wordCount` → `Text word count`. */
  label: string;
}

const categories: readonly NodeCategory[] = ['trigger', 'action', 'logic', 'flow', 'data', 'human', 'ai'];
const defaultCategory: Record<NodeKind, NodeCategory> = { pure: 'data', activity: 'action', control: 'flow' };

export const NODE_TYPE_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

export function nodeNames(type: string, kind: NodeKind): NodeNames {
  const words = type.split('.').flatMap((part) => part.split(/(?=[A-Z])/).map((word) => word.toLowerCase()));
  const prefix = type.split('.')[0] as NodeCategory;
  return {
    type,
    kind,
    category: categories.includes(prefix) ? prefix : defaultCategory[kind],
    file: words.join('-'),
    identifier: words.map((word, i) => (i === 0 ? word : word[0].toUpperCase() + word.slice(1))).join(''),
    label: words.join(' ').replace(/^./, (first) => first.toUpperCase()),
  };
}

function header(names: NodeNames, description: string) {
  return `  type: '${names.type}',
  kind: '${names.kind}',
  category: '${names.category}',
  label: '${names.label}',
  description: '${description}',`;
}

/** A working node of each kind, small enough to replace: it shows where each part goes. */
export function nodeSource(names: NodeNames): string {
  const { identifier, kind } = names;
  if (kind === 'pure') {
    return `import { z } from 'zod';
import { defineNode } from '../define-node';

export const ${identifier} = defineNode({
${header(names, 'Outputs its value unchanged.')}
  config: z.object({ value: z.unknown() }),
  output: z.unknown(),
  // Runs inside the workflow on every replay: synchronous, deterministic, no I/O.
  execute: ({ config }) => ({ output: config.value }),
});
`;
  }
  if (kind === 'activity') {
    return `import { z } from 'zod';
import { defineNode } from '../define-node';

export const ${identifier} = defineNode({
${header(names, 'Returns its value unchanged, from the worker.')}
  config: z.object({ value: z.unknown() }),
  output: z.unknown(),
  // Runs as a Temporal activity in the worker: the network only through guardedFetch, every
  // secret it handles declared with addSecret so the recorder masks it.
  async execute({ config, log }) {
    log({ level: 'INFO', message: 'Returning the value' });
    return config.value;
  },
});
`;
  }
  return `import { z } from 'zod';
import { defineNode } from '../define-node';

export const ${identifier} = defineNode({
${header(names, 'Waits durationMs, then outputs its value.')}
  config: z.object({ value: z.unknown(), durationMs: z.number().int().min(0).default(0) }),
  output: z.unknown(),
  // Runs inside the workflow: it waits, loops and starts runs only through the context's durable
  // operations, never with timers or I/O of its own.
  async run({ config, sleep }) {
    await sleep(config.durationMs);
    return { output: config.value, handles: ['out'] };
  },
});
`;
}

export function nodeTestSource(names: NodeNames): string {
  const { identifier, kind, type, file } = names;
  if (kind === 'pure') {
    return `import { describe, expect, it } from 'vitest';
import type { ExpressionScope } from '../../definition/expressions';
import { ${identifier} } from './${file}';

const scope: ExpressionScope = {
  input: null,
  nodes: {},
  vars: {},
  run: { id: 'run-1', workflowId: 'workflow-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' },
};

describe('${type}', () => {
  it('outputs its value', () => {
    const config = ${identifier}.config.parse({ value: { n: 1 } });
    expect(${identifier}.execute({ nodeId: 'node-1', config, scope })).toEqual({ output: { n: 1 } });
  });
});
`;
  }
  if (kind === 'activity') {
    return `import { describe, expect, it } from 'vitest';
import { executeActivityNode } from '../execute-activity-node';
import { testActivityContext } from '../test-activity-context';
import { ${identifier} } from './${file}';

describe('${type}', () => {
  it('returns its value and logs one line', async () => {
    const { context, logs } = testActivityContext(${identifier}, { value: { n: 1 } });
    expect(await executeActivityNode(${identifier}, context)).toEqual({ n: 1 });
    expect(logs).toEqual([{ level: 'INFO', message: 'Returning the value' }]);
  });
});
`;
  }
  return `import { describe, expect, it } from 'vitest';
import { testControlContext } from '../test-control-context';
import { ${identifier} } from './${file}';

describe('${type}', () => {
  it('sleeps for its duration, then outputs its value', async () => {
    const { context, calls } = testControlContext(${identifier}, { value: { n: 1 }, durationMs: 5 });
    expect(await ${identifier}.run(context)).toEqual({ output: { n: 1 }, handles: ['out'] });
    expect(calls).toEqual([{ op: 'sleep', ms: 5 }]);
  });
});
`;
}
