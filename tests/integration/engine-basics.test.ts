import { describe, expect, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';

describe('engine: pure nodes and branching', () => {
  it('runs trigger → set → transform → if, skipping the branch not taken', async () => {
    const workflowId = await publishWorkflow('basics', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'vars', type: 'data.set', config: { values: { factor: 3 } } },
        { id: 'calc', type: 'data.transform', config: { expression: 'input.amount * vars.factor' } },
        { id: 'big', type: 'logic.if', config: { condition: '{{ nodes.calc.output > 100 }}' } },
        { id: 'yes', type: 'flow.output', config: { value: { verdict: 'big', total: '{{ nodes.calc.output }}' } } },
        { id: 'no', type: 'flow.output', config: { value: { verdict: 'small', total: '{{ nodes.calc.output }}' } } },
      ],
      edges: [
        { source: 'start', target: 'vars' },
        { source: 'vars', target: 'calc' },
        { source: 'calc', target: 'big' },
        { source: 'big', sourceHandle: 'true', target: 'yes' },
        { source: 'big', sourceHandle: 'false', target: 'no' },
      ],
    });
    const run = await waitForRun(await startRun(workflowId, { amount: 50 }));
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({ verdict: 'big', total: 150 });
    expect(run.nodes.yes.status).toBe('SUCCEEDED');
    expect(run.nodes.no.status).toBe('SKIPPED');
    expect(run.nodes.calc.status).toBe('SUCCEEDED');
  });
});
