import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  expressionSyntaxError,
  findExpressions,
  resolveTemplates,
  type ExpressionScope,
} from './expressions';

const scope: ExpressionScope = {
  input: { amount: 120, name: 'Ada', items: [1, 2, 3] },
  nodes: { fetch: { output: { body: { total: 7, note: '{{ input.amount }}' } } } },
  vars: { factor: 2 },
  run: { id: 'run-1', workflowId: 'wf-1', version: 3, startedAt: '2026-01-01T00:00:00.000Z' },
};

describe('resolveTemplates', () => {
  it('keeps the type of a value that is one expression', () => {
    expect(resolveTemplates('{{ input.amount * vars.factor }}', scope, 'n')).toBe(240);
    expect(resolveTemplates('{{ input.items }}', scope, 'n')).toEqual([1, 2, 3]);
    expect(resolveTemplates('{{ input.amount > 100 }}', scope, 'n')).toBe(true);
  });

  it('interpolates expressions inside text and walks objects and arrays', () => {
    const config = {
      url: 'https://x.test/{{ input.name }}?v={{ run.version }}',
      list: ['{{ nodes.fetch.output.body.total }}', 'plain'],
    };
    expect(resolveTemplates(config, scope, 'n')).toEqual({ url: 'https://x.test/Ada?v=3', list: [7, 'plain'] });
  });

  it('never evaluates data that came from outside', () => {
    // The fetched body contains "{{ input.amount }}": it is returned as text, not evaluated.
    expect(resolveTemplates('{{ nodes.fetch.output.body.note }}', scope, 'n')).toBe('{{ input.amount }}');
  });

  it('names the node, the config path and the expression when evaluation fails', () => {
    let error: unknown;
    try {
      resolveTemplates({ headers: { x: '{{ $undefinedFn() }}' } }, scope, 'fetch');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error).toMatchObject({ nodeId: 'fetch', path: 'headers.x', expression: '$undefinedFn()' });
    expect((error as Error).message).toContain('Node "fetch", headers.x');
  });
});

describe('findExpressions and expressionSyntaxError', () => {
  it('finds every expression with its path and reports syntax errors', () => {
    expect(findExpressions({ a: 'x {{ input.a }} {{ vars.b }}', b: [{ c: '{{ 1 + }}' }] })).toEqual([
      { path: 'a', expression: 'input.a' },
      { path: 'a', expression: 'vars.b' },
      { path: 'b[0].c', expression: '1 +' },
    ]);
    expect(expressionSyntaxError('1 +')).toBe('Unexpected end of expression');
    expect(expressionSyntaxError('input.a')).toBeNull();
  });
});
