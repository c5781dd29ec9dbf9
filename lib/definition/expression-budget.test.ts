import { describe, expect, it } from 'vitest';
import { EXPRESSION_LIMITS, RunExpressionMeter } from './expression-budget';
import { evaluateExpression, expressionSyntaxError, type ExpressionScope } from './expressions';

const scope: ExpressionScope = {
  input: { text: `${'a'.repeat(40)}!`, email: 'ada@example.com' },
  nodes: {},
  vars: {},
  run: { id: 'run-1', workflowId: 'wf-1', version: 1, startedAt: '2026-01-01T00:00:00.000Z' },
};

function failureOf(expression: string) {
  try {
    evaluateExpression(expression, scope, 'shape', 'expression');
  } catch (error) {
    return { type: (error as { options: { type: string } }).options.type, message: (error as Error).message };
  }
  throw new Error(`expected ${expression} to fail`);
}

describe('expression bounds', () => {
  it('runs a catastrophic regular expression in linear time', () => {
    // /(a+)+$/ backtracks exponentially in a JavaScript engine on 40 a's and a "!".
    expect(evaluateExpression('$contains(input.text, /(a+)+$/)', scope, 'shape', 'expression')).toBe(false);
    expect(evaluateExpression('$match(input.email, /(\\w+)@(\\w+)/).groups', scope, 'n', 'e')).toEqual([
      'ada',
      'example',
    ]);
    expect(evaluateExpression('$replace("a1b22", /\\d+/, "#")', scope, 'n', 'e')).toBe('a#b#');
    expect(evaluateExpression('$split("a, b,c", /,\\s*/)', scope, 'n', 'e')).toEqual(['a', 'b', 'c']);
  });

  it('fails an endless tail-recursive function at the step bound', () => {
    expect(failureOf('($f := function($n) { $f($n + 1) }; $f(0))')).toEqual({
      type: 'ExpressionTooComplex',
      message: `Node "shape", expression: expression {{ ($f := function($n) { $f($n + 1) }; $f(0)) }} took more than ${EXPRESSION_LIMITS.steps} evaluation steps (an endless loop, or too much data for an expression: use a code node)`,
    });
  });

  it('fails deep recursion at the depth bound instead of overflowing the stack', () => {
    const failure = failureOf('($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))');
    expect(failure.type).toBe('ExpressionTooComplex');
    expect(failure.message).toContain(`nested deeper than ${EXPRESSION_LIMITS.depth} levels`);
  });

  it('counts the data an expression produces, not only its steps', () => {
    const failure = failureOf('$count([1..9999999, 1..9999999])');
    expect(failure.type).toBe('ExpressionTooComplex');
    expect(failureOf('$pad("", 100000000)')).toMatchObject({
      type: 'ExpressionTooComplex',
      message: expect.stringContaining(`$pad width may be at most ${EXPRESSION_LIMITS.padWidth}`),
    });
    expect(evaluateExpression('$length($pad("x", 5))', scope, 'n', 'e')).toBe(5);
  });

  it('bounds the steps of all expressions of a run together', () => {
    const meter = new RunExpressionMeter();
    const heavy = '$count($map([1..40000], function($v) { $v }))';
    let passes = 0;
    let failure: unknown;
    try {
      for (; passes < 100; passes++) evaluateExpression(heavy, scope, 'loop-body', 'expression', meter);
    } catch (error) {
      failure = error;
    }
    // Each pass spends a little over 160,000 steps: within its own bound, not six times over.
    expect(passes).toBe(6);
    expect(failure).toMatchObject({
      options: { type: 'ExpressionTooComplex' },
      message: expect.stringContaining(`went past the run's budget of ${EXPRESSION_LIMITS.runSteps} evaluation steps`),
    });
  });

  it('refuses $eval, which would run text that came from outside', () => {
    expect(failureOf('$eval("1 + 1")')).toEqual({
      type: 'ExpressionError',
      message:
        'Node "shape", expression: expression {{ $eval("1 + 1") }} failed: $eval is not available: expressions evaluate only what the workflow definition says',
    });
  });

  it('refuses at publish a regular expression that needs backtracking', () => {
    expect(expressionSyntaxError('$match(input.text, /(a)\\1/)')).toMatch(
      /^regular expression \/\(a\)\\1\/ cannot run in linear time \(.+\); backreferences and lookaround are not supported$/,
    );
    expect(expressionSyntaxError('$match(input.text, /(?=a)b/)')).toMatch(/cannot run in linear time/);
    expect(expressionSyntaxError('$match(input.text, /a+/i)')).toBeNull();
  });
});
