import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate';

const codes = (input: unknown) => {
  const result = validateDefinition(input);
  return result.ok ? [] : result.problems.map((problem) => `${problem.code}:${problem.nodeId ?? problem.edgeId ?? ''}`);
};

describe('validateDefinition', () => {
  it('accepts a valid definition and fills defaults', () => {
    const result = validateDefinition({
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'check', type: 'logic.if', config: { condition: '{{ input.ok }}' } },
        { id: 'out', type: 'flow.output', config: { value: 1 } },
      ],
      edges: [
        { source: 'start', target: 'check' },
        { source: 'check', sourceHandle: 'true', target: 'out' },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.definition.nodes[0].settings.onError).toBe('fail');
  });

  it('reports every problem at once, each naming its node or edge', () => {
    const problems = codes({
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'mystery', type: 'no.such.type' },
        { id: 'check', type: 'logic.if', config: { condition: 'not a boolean' } },
        { id: 'calc', type: 'data.transform', config: { expression: '' } },
        { id: 'bad', type: 'flow.output', config: { value: '{{ 1 + }}' } },
        { id: 'lonely', type: 'flow.output', config: { value: 1 } },
      ],
      edges: [
        { source: 'start', target: 'mystery' },
        { source: 'start', target: 'check' },
        { source: 'check', sourceHandle: 'maybe', target: 'calc' },
        { source: 'check', sourceHandle: 'true', target: 'bad' },
        { source: 'bad', target: 'start' },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'unknown_node_type:mystery',
        'invalid_config:check',
        'invalid_config:calc',
        'invalid_expression:bad',
        'unknown_handle:check',
        'cycle:start',
        'input_not_accepted:start',
        'unreachable_node:lonely',
      ]),
    );
  });

  it('rejects dangling edges, a missing trigger and cycles that do not go through a loop', () => {
    expect(
      codes({
        nodes: [{ id: 'a', type: 'flow.output', config: { value: 1 } }],
        edges: [{ source: 'a', target: 'ghost' }],
      }),
    ).toEqual(['dangling_edge:a:out->ghost', 'unknown_handle:a', 'no_trigger:']);
    expect(codes({ nodes: [{ id: 'a', type: 'flow.output', config: { value: 1 } }] })).toContain('no_trigger:');
    const cycle = codes({
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'x', type: 'data.transform', config: { expression: '1' } },
        { id: 'y', type: 'data.transform', config: { expression: '2' } },
      ],
      edges: [
        { source: 'start', target: 'x' },
        { source: 'x', target: 'y' },
        { source: 'y', target: 'x' },
      ],
    });
    expect(cycle.some((code) => code.startsWith('cycle:'))).toBe(true);
  });

  it('allows the loop-back edge of a for-each body', () => {
    const result = validateDefinition({
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ input.list }}' } },
        { id: 'body', type: 'data.transform', config: { expression: 'loop.item' } },
      ],
      edges: [
        { source: 'start', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'body' },
        { source: 'body', target: 'each' },
      ],
    });
    expect(result.ok).toBe(true);
  });
});

describe('JSONata programs at publish', () => {
  it('compiles transform programs and names the node and field of a syntax error', () => {
    const result = validateDefinition({
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'shape', type: 'data.transform', config: { expression: '{ "a": input.a ' } },
        { id: 'slow', type: 'data.transform', config: { expression: '$match(input.a, /(x)\\1/)' } },
      ],
      edges: [
        { source: 'start', target: 'shape' },
        { source: 'shape', target: 'slow' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ code, nodeId, path }) => ({ code, nodeId, path }))).toEqual([
      { code: 'invalid_expression', nodeId: 'shape', path: 'config.expression' },
      { code: 'invalid_expression', nodeId: 'slow', path: 'config.expression' },
    ]);
    expect(result.problems[0].message).toMatch(
      /^Node "shape", config\.expression: the JSONata program does not parse: /,
    );
    expect(result.problems[1].message).toContain('cannot run in linear time');
  });
});
