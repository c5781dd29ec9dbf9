import { describe, expect, it, vi } from 'vitest';
import type { NodeType } from '../../../lib/connectors/define-node';

/** What Temporal does to a preloaded module's exports (reusable-vm.ts): own members, depth first. */
function freezeAsTemporalDoes(value: unknown, seen = new WeakSet<object>()): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
  seen.add(value);
  if (typeof value === 'object') {
    for (const key of Reflect.ownKeys(value)) freezeAsTemporalDoes((value as Record<PropertyKey, unknown>)[key], seen);
  }
  Object.freeze(value);
}

/** A fresh copy of the workflow node types, with a zod of its own. */
async function freshNodeTypes(): Promise<NodeType[]> {
  vi.resetModules();
  return (await import('../../../lib/connectors/workflow-nodes')).workflowNodeTypes;
}

// Valid and invalid configs, as the interpreter hands them over once `{{ }}` are resolved.
const samples: Record<string, unknown[]> = {
  'trigger.webhook': [{ methods: ['POST', 'PUT'], auth: 'hmac' }, { response: 'node' }],
  'trigger.schedule': [{ cron: '0 9 * * 1-5', timezone: 'Europe/Paris' }, { cron: 'every day' }],
  'trigger.event': [{ topic: 'invoice.received', filter: 'input.payload.total > 5' }, { topic: 'Not a topic!' }],
  'data.set': [{ values: { total: 3 } }, { values: { 'not a name': 1 } }],
  'data.transform': [{ expression: 'loop.item * 2' }, { expression: '' }],
  'flow.stopAndError': [{ message: 'Out of stock' }, { message: '' }],
  'logic.if': [{ condition: true }, { condition: 'yes' }],
  'logic.switch': [{ cases: [{ name: 'big', when: true }] }, { cases: 'none' }],
  'flow.forEach': [{ items: [1, 2] }, { items: [1], concurrency: 0 }],
  'flow.delay': [
    { mode: 'duration', durationMs: 5 },
    { mode: 'until', until: 'tomorrow' },
  ],
  'human.approval': [{ message: 'Ship it?', approvers: ['role:admin'] }, { timeoutMs: -1 }],
  'flow.merge': [{ mode: 'first' }, { mode: 'any' }],
  'flow.subWorkflow': [{ workflowId: '6f1c2d3e-4b5a-4c6d-8e7f-8a9b0c1d2e3f' }, { workflowId: 'w' }],
  'flow.output': [{ value: { ok: true } }, {}],
};

const parseAll = (nodeTypes: NodeType[]) =>
  nodeTypes.map((nodeType) => ({
    type: nodeType.type,
    results: [{}, undefined, ...(samples[nodeType.type] ?? [])].map((config) => {
      const parsed = nodeType.config.safeParse(config);
      return parsed.success ? { data: parsed.data } : { issues: parsed.error.issues.map((issue) => issue.message) };
    }),
  }));

describe('readyForFreeze', () => {
  it('lets every workflow node type parse configs after Temporal freezes it, as it did before', async () => {
    const expected = parseAll(await freshNodeTypes());
    const nodeTypes = await freshNodeTypes();
    const { readyForFreeze } = await import('./ready-for-freeze');
    readyForFreeze(nodeTypes);
    freezeAsTemporalDoes(nodeTypes);
    expect(parseAll(nodeTypes)).toEqual(expected);
    // Each type's first sample is valid and its second is not, so both paths were compared.
    const sampled = expected.filter((node) => node.type in samples);
    expect(sampled.map((node) => [node.type, 'data' in node.results[2], 'issues' in node.results[3]]).sort()).toEqual(
      Object.keys(samples)
        .map((type) => [type, true, true])
        .sort(),
    );
    expect(expected.find((node) => node.type === 'logic.if')?.results.slice(2)).toEqual([
      { data: { condition: true } },
      { issues: ['The condition must evaluate to true or false'] },
    ]);
  });

  it('is needed: a schema frozen before its first use cannot be parsed', async () => {
    const nodeTypes = await freshNodeTypes();
    freezeAsTemporalDoes(nodeTypes);
    expect(() => nodeTypes[0].config.safeParse({})).toThrow(TypeError);
  });
});

describe('the shared modules, frozen as Temporal shares them between runs', () => {
  it('evaluate expressions, regexes on the linear engine included, as before', async () => {
    vi.resetModules();
    await import('./shared-modules');
    const modules = await Promise.all([
      import('jsonata'),
      import('re2js'),
      import('../../../lib/definition/expressions'),
      import('../../../lib/definition/expression-budget'),
      import('../../../lib/definition/jsonata-engine'),
      import('../../../lib/definition/linear-regexp'),
    ]);
    for (const exported of modules) freezeAsTemporalDoes({ ...exported });
    const { resolveTemplates } = modules[2];
    const scope = {
      input: { name: 'ada', count: 2 },
      nodes: {},
      vars: {},
      run: { id: 'r', workflowId: 'w', version: 1, startedAt: '' },
    };
    const config = {
      greeting: 'hello {{ $uppercase(input.name) }}',
      padded: '{{ $pad(input.name, 5, "-") }}',
      matched: '{{ $match(input.name, /d(a)/).groups }}',
      replaced: '{{ $replace(input.name, /a/, "o") }}',
      doubled: '{{ input.count * 2 }}',
    };
    const expected = { greeting: 'hello ADA', padded: 'ada--', matched: ['a'], replaced: 'odo', doubled: 4 };
    expect(resolveTemplates(config, scope, 'n1')).toEqual(expected);
    expect(resolveTemplates(config, scope, 'n1')).toEqual(expected);
  });
});
