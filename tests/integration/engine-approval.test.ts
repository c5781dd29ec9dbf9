import { describe, expect, it } from 'vitest';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch } from '../support/api';

const approvalFlow = (timeoutMs?: number, approvers?: string[]) => ({
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    {
      id: 'review',
      type: 'human.approval',
      config: {
        message: 'Pay {{ input.amount }}?',
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(approvers ? { approvers } : {}),
      },
    },
    { id: 'paid', type: 'flow.output', config: { value: '{{ "paid by " & nodes.review.output.approver }}' } },
    { id: 'refused', type: 'flow.output', config: { value: '{{ "refused: " & nodes.review.output.comment }}' } },
    { id: 'expired', type: 'flow.output', config: { value: 'expired' } },
  ],
  edges: [
    { source: 'start', target: 'review' },
    { source: 'review', sourceHandle: 'approved', target: 'paid' },
    { source: 'review', sourceHandle: 'rejected', target: 'refused' },
    { source: 'review', sourceHandle: 'timeout', target: 'expired' },
  ],
});

const decide = (runId: string, nodeId: string, body: unknown) =>
  apiFetch(`/api/runs/${runId}/approvals/${nodeId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('engine: human approval', () => {
  it('pauses until approved, refuses unknown and repeated decisions', async () => {
    const runId = await startRun(await publishWorkflow('approve', approvalFlow()), { amount: 120 });
    const waiting = await waitForRun(runId, ['WAITING']);
    expect(waiting.status).toBe('WAITING');
    expect(waiting.waitingApprovals).toEqual(['review']);

    const unknown = await decide(runId, 'paid', { decision: 'approved' });
    expect(unknown.status).toBe(409);
    expect((await unknown.json()).error.message).toContain('not an approval step');

    const invalid = await decide(runId, 'review', { decision: 'maybe' });
    expect(invalid.status).toBe(400);

    const approved = await decide(runId, 'review', { decision: 'approved', comment: 'ok' });
    expect(approved.status).toBe(200);
    const again = await decide(runId, 'review', { decision: 'rejected' });
    expect([409]).toContain(again.status);

    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toMatch(/^paid by /);
    expect(run.nodes.refused.status).toBe('SKIPPED');
  });

  it("refuses a decider the node's approvers do not name, and takes one they do", async () => {
    const workflowId = await publishWorkflow(
      'approvers',
      approvalFlow(undefined, ['{{ input.manager }}', 'role:admin']),
    );

    // The owner's role is above admin: role:admin names them.
    const byRole = await startRun(workflowId, { manager: 'someone@else.test' });
    await waitForRun(byRole, ['WAITING']);
    expect((await decide(byRole, 'review', { decision: 'approved' })).status).toBe(200);

    const byName = await publishWorkflow('approvers by name', approvalFlow(undefined, ['{{ input.manager }}']));
    const refusedRun = await startRun(byName, { manager: 'someone@else.test' });
    await waitForRun(refusedRun, ['WAITING']);
    const refused = await decide(refusedRun, 'review', { decision: 'approved' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: {
        code: 'not_an_approver',
        message: 'Approval "review" may be decided only by someone@else.test',
      },
    });

    const namedRun = await startRun(byName, { manager: 'OWNER@flow.test' });
    await waitForRun(namedRun, ['WAITING']);
    expect((await decide(namedRun, 'review', { decision: 'approved' })).status).toBe(200);
    expect((await waitForRun(namedRun)).status).toBe('SUCCEEDED');
  });

  it('takes the rejected branch with the comment', async () => {
    const runId = await startRun(await publishWorkflow('reject', approvalFlow()), { amount: 5 });
    await waitForRun(runId, ['WAITING']);
    expect((await decide(runId, 'review', { decision: 'rejected', comment: 'too much' })).status).toBe(200);
    const run = await waitForRun(runId);
    expect(run.output).toBe('refused: too much');
  });

  it('takes the timeout branch when nobody decides in time', async () => {
    const runId = await startRun(await publishWorkflow('expire', approvalFlow(300)), { amount: 5 });
    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toBe('expired');
  });
});

describe('engine: approval inside a loop', () => {
  it('asks again on every pass instead of reusing the first decision', async () => {
    const runId = await startRun(
      await publishWorkflow('approve each', {
        nodes: [
          { id: 'start', type: 'trigger.manual' },
          { id: 'each', type: 'flow.forEach', config: { items: '{{ input.invoices }}' } },
          { id: 'review', type: 'human.approval', config: { message: 'Pay {{ loop.item }}?' } },
          { id: 'out', type: 'flow.output', config: { value: '{{ nodes.each.output.decision }}' } },
        ],
        edges: [
          { source: 'start', target: 'each' },
          { source: 'each', sourceHandle: 'each', target: 'review' },
          { source: 'review', sourceHandle: 'approved', target: 'each' },
          { source: 'review', sourceHandle: 'rejected', target: 'each' },
          { source: 'each', sourceHandle: 'done', target: 'out' },
        ],
      }),
      { invoices: ['A-1', 'A-2'] },
    );
    await waitForRun(runId, ['WAITING']);
    expect((await decide(runId, 'review', { decision: 'approved' })).status).toBe(200);
    // The second pass waits for its own decision.
    await expect.poll(async () => (await decide(runId, 'review', { decision: 'rejected' })).status).toBe(200);
    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual(['approved', 'rejected']);
  });
});
