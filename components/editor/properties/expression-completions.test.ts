import { describe, expect, it } from 'vitest';
import {
  expressionCompletions,
  templateExpressionStart,
  type ExpressionCompletionRequest,
} from './expression-completions';

const template: ExpressionCompletionRequest = { mode: 'template', explicit: false, nodeIds: ['fetch', 'send-mail'] };

/** Completions with the cursor at the `|` in `text`. */
function complete(textWithCursor: string, request = template) {
  const pos = textWithCursor.indexOf('|');
  const result = expressionCompletions(textWithCursor.replace('|', ''), pos, request);
  return result && { from: result.from, labels: result.options.map((o) => o.apply ?? o.label) };
}

describe('templateExpressionStart', () => {
  it('finds the open template around the cursor', () => {
    expect(templateExpressionStart('a {{ b', 6)).toBe(4);
    expect(templateExpressionStart('a {{ b }} c', 10)).toBe(-1);
    expect(templateExpressionStart('a {{ b }} {{ c', 14)).toBe(12);
    expect(templateExpressionStart('no template', 5)).toBe(-1);
  });
});

describe('expressionCompletions', () => {
  it('offers the scope roots inside {{ }} once a name is started', () => {
    expect(complete('https://x/{{ n|')).toEqual({ from: 13, labels: ['input', 'nodes', 'vars', 'run', 'loop'] });
    expect(complete('{{ | }}')).toBeNull();
    expect(complete('{{ | }}', { ...template, explicit: true })?.labels).toContain('nodes');
  });

  it('offers nothing outside {{ }}', () => {
    expect(complete('nodes.|')).toBeNull();
    expect(complete('{{ a }} nodes.|')).toBeNull();
  });

  it('offers node ids after nodes., quoting ids JSONata would read as a subtraction', () => {
    expect(complete('{{ nodes.| }}')).toEqual({ from: 9, labels: ['fetch', '`send-mail`'] });
    expect(complete('{{ nodes.fe|')).toEqual({ from: 9, labels: ['fetch', '`send-mail`'] });
    expect(complete('{{ nodes.`se|')).toEqual({ from: 10, labels: ['fetch`', 'send-mail`'] });
  });

  it('offers output after a node id, quoted or not', () => {
    expect(complete('{{ nodes.fetch.| }}')).toEqual({ from: 15, labels: ['output'] });
    expect(complete('{{ nodes.`send-mail`.o|')).toEqual({ from: 21, labels: ['output'] });
    expect(complete('{{ nodes.unknown.|')).toBeNull();
  });

  it("offers run and loop members, and nothing for input and vars, whose shape it can't know", () => {
    expect(complete('{{ run.|')?.labels).toEqual(['id', 'workflowId', 'version', 'startedAt']);
    expect(complete('{{ loop.i|')?.labels).toEqual(['item', 'index']);
    expect(complete('{{ input.|')).toBeNull();
    expect(complete('{{ vars.|')).toBeNull();
    expect(complete('{{ nodes.fetch.output.|')).toBeNull();
  });

  it("offers the output's fields its node type declares, level by level", () => {
    const withOutputs: ExpressionCompletionRequest = {
      ...template,
      outputFields: { fetch: { status: {}, headers: {}, body: {}, 'rate-limit': { remaining: {} } } },
    };
    expect(complete('{{ nodes.fetch.output.|', withOutputs)).toEqual({
      from: 22,
      labels: ['status', 'headers', 'body', '`rate-limit`'],
    });
    expect(complete('{{ nodes.fetch.output.st|', withOutputs)?.from).toBe(22);
    expect(complete('{{ nodes.fetch.output.`rate-limit`.|', withOutputs)?.labels).toEqual(['remaining']);
    expect(complete('{{ nodes.fetch.output.status.|', withOutputs)).toBeNull();
    expect(complete('{{ nodes.`send-mail`.output.|', withOutputs)).toBeNull();
  });

  it('completes after operators but not members of other values', () => {
    expect(complete('{{ $count(nodes.|')?.labels).toEqual(['fetch', '`send-mail`']);
    expect(complete('{{ 1 + run.|')?.labels).toContain('startedAt');
    expect(complete('{{ $x.nodes.|')).toBeNull();
    expect(complete('{{ f().nodes.|')).toBeNull();
  });

  it('treats the whole text as one expression in program mode', () => {
    expect(complete('{ "total": nodes.|', { ...template, mode: 'program' })).toEqual({
      from: 17,
      labels: ['fetch', '`send-mail`'],
    });
  });
});
