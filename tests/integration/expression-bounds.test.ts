import { describe, expect, it } from 'vitest';
import { EXPRESSION_LIMITS } from '@/lib/definition/expression-budget';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch } from '../support/api';
import { createOtherOrg } from '../support/other-org';

const transform = (id: string, expression: string) => ({
  id,
  type: 'data.transform',
  config: { expression },
  settings: { onError: 'continue' as const },
});

const pathsOf = (json: string) => json.match(/\/(work|root|home|usr|tmp)\/[^\s"']+|node_modules/g) ?? [];

describe('expressions that would stall a worker', () => {
  it('fail their own node within the bound while another run succeeds and another org cancels its waiting run', async () => {
    // Org B's run waits for an approval on the same worker before the attack starts.
    const orgB = await createOtherOrg('Waiting org');
    const created = await (
      await orgB.keyFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'waits' }) })
    ).json();
    const published = await orgB.keyFetch(`/api/workflows/${created.id}/versions`, {
      method: 'POST',
      body: JSON.stringify({
        definition: {
          nodes: [
            { id: 'start', type: 'trigger.manual' },
            { id: 'approve', type: 'human.approval', config: { message: 'wait here' } },
          ],
          edges: [{ source: 'start', target: 'approve' }],
        },
      }),
    });
    expect(published.status).toBe(201);
    const waitingRun = (
      await (await orgB.keyFetch(`/api/workflows/${created.id}/runs`, { method: 'POST', body: '{}' })).json()
    ).runId as string;
    await waitForRun(waitingRun, ['WAITING']);

    const attack = await publishWorkflow('stalling expressions', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        transform('regex', '$contains(input.text, /(a+)+$/)'),
        transform('endless', '($f := function($n) { $f($n + 1) }; $f(0))'),
        transform('deep', '($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000000))'),
        {
          id: 'each',
          type: 'flow.forEach',
          config: { items: '{{ [1..20] }}' },
          settings: { onError: 'continue' as const },
        },
        transform('heavy', '$count($map([1..30000], function($v) { $v }))'),
      ],
      edges: [
        { source: 'start', target: 'regex' },
        { source: 'start', target: 'endless' },
        { source: 'start', target: 'deep' },
        { source: 'start', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'heavy' },
      ],
    });
    const calm = await publishWorkflow('calm neighbour', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'out', type: 'flow.output', config: { value: '{{ input.n * 2 }}' } },
      ],
      edges: [{ source: 'start', target: 'out' }],
    });

    // 40 a's and a "!": a backtracking engine would try 2^40 ways to match /(a+)+$/.
    const attackRun = await startRun(attack, { text: `${'a'.repeat(40)}!` });
    const calmRun = await startRun(calm, { n: 21 });
    const cancel = await orgB.keyFetch(`/api/runs/${waitingRun}/cancel`, { method: 'POST', body: '{}' });
    expect(cancel.status).toBe(202);

    expect((await waitForRun(calmRun)).output).toBe(42);
    await waitForRun(waitingRun);
    const cancelled = await (await orgB.keyFetch(`/api/runs/${waitingRun}`)).json();
    expect(cancelled.status).toBe('CANCELLED');

    const run = await waitForRun(attackRun);
    expect(run.nodes.regex).toMatchObject({ status: 'SUCCEEDED' });
    expect(run.steps.find((step: { nodeId: string }) => step.nodeId === 'regex').output).toBe(false);
    expect(run.nodes.endless.error).toEqual({
      type: 'ExpressionTooComplex',
      message: `Node "endless", expression: expression {{ ($f := function($n) { $f($n + 1) }; $f(0)) }} took more than ${EXPRESSION_LIMITS.steps} evaluation steps (an endless loop, or too much data for an expression: use a code node)`,
    });
    expect(run.nodes.deep.error).toMatchObject({
      type: 'ExpressionTooComplex',
      message: expect.stringContaining(`nested deeper than ${EXPRESSION_LIMITS.depth} levels`),
    });
    // Each pass is within its own bound; twenty of them are not within the run's.
    const heavy = run.steps.filter((step: { nodeId: string }) => step.nodeId === 'heavy');
    expect(heavy.some((step: { status: string }) => step.status === 'SUCCEEDED')).toBe(true);
    expect(heavy.find((step: { status: string }) => step.status === 'FAILED').error).toMatchObject({
      type: 'ExpressionTooComplex',
      message: expect.stringContaining(`went past the run's budget of ${EXPRESSION_LIMITS.runSteps} evaluation steps`),
    });
    expect(pathsOf(JSON.stringify(run))).toEqual([]);
  });

  it('refuses a transform program that does not compile, or needs backtracking, at publish', async () => {
    const workflow = await (
      await apiFetch('/api/workflows', { method: 'POST', body: JSON.stringify({ name: 'bad program' }) })
    ).json();
    const response = await apiFetch(`/api/workflows/${workflow.id}/versions`, {
      method: 'POST',
      body: JSON.stringify({
        definition: {
          nodes: [
            { id: 'start', type: 'trigger.manual' },
            transform('shape', '{ "total": $sum(input.items'),
            transform('match', '$match(input.s, /(\\w)\\1/)'),
          ],
          edges: [
            { source: 'start', target: 'shape' },
            { source: 'start', target: 'match' },
          ],
        },
      }),
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(
      body.error.details.map((p: { nodeId: string; path: string; code: string }) => [p.code, p.nodeId, p.path]),
    ).toEqual([
      ['invalid_expression', 'shape', 'config.expression'],
      ['invalid_expression', 'match', 'config.expression'],
    ]);
  });
});

describe('errors users see', () => {
  it('carry no worker stack or server path, while a code node keeps its own frames', async () => {
    const workflowId = await publishWorkflow('failing nodes', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'code',
          type: 'code.javascript',
          config: { code: 'function explode() { throw new TypeError("user bug") }\nexplode();' },
          settings: { onError: 'continue' as const },
        },
        { id: 'bad', type: 'flow.stopAndError', config: { message: 'stopped on purpose' } },
      ],
      edges: [
        { source: 'start', target: 'code' },
        { source: 'code', target: 'bad' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId));
    expect(run.status).toBe('FAILED');
    expect(run.error).not.toHaveProperty('stack');
    expect(run.nodes.code.error).toMatchObject({ type: 'TypeError', message: 'user bug' });
    expect(run.nodes.code.error).not.toHaveProperty('stack');
    expect(run.nodes.code.error.details.stack).toContain('explode');
    const raw = JSON.stringify(await getRun(run.id));
    expect(pathsOf(raw)).toEqual([]);
  });
});
