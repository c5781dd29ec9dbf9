import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '../support/api';
import { getRun, publishWorkflow, startRun, waitForRun } from '../support/engine';
import { TestServer } from '../support/test-server';
import type { WorkflowDefinitionInput } from '@/lib/definition/schema';

const server = new TestServer();
let base = '';
beforeAll(async () => {
  base = await server.start();
});
afterAll(() => server.stop());

type Node = WorkflowDefinitionInput['nodes'][number];

// How long a state may take to be reached on a loaded machine: a bound on waiting, not a check of speed.
const reached = { timeout: 30_000 };

const call = (id: string, path: string, settings: Record<string, unknown> = {}): Node => ({
  id,
  type: 'http.request',
  config: { method: 'POST', url: `${base}${path}` },
  settings: { retry: { maxAttempts: 1 }, ...settings },
});

/**
 * start → book (undone by /undo/<state>) → the waiting node, plus `extra` nodes (a loop body)
 * and edges: every state is cancelled after a step that must be compensated.
 */
function bookThen(
  state: string,
  waiting: Node,
  extra: { nodes?: Node[]; edges?: WorkflowDefinitionInput['edges'] } = {},
) {
  return {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      call('book', `/book/${state}`, { compensation: 'undo' }),
      waiting,
      ...(extra.nodes ?? []),
      call('undo', `/undo/${state}`),
    ],
    edges: [{ source: 'start', target: 'book' }, { source: 'book', target: waiting.id }, ...(extra.edges ?? [])],
  } satisfies WorkflowDefinitionInput;
}

const cancel = (runId: string) => apiFetch(`/api/runs/${runId}/cancel`, { method: 'POST' });

const decide = (runId: string, nodeId: string) =>
  apiFetch(`/api/runs/${runId}/approvals/${nodeId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ decision: 'approved' }),
  });

/** The compensation requests of one test, in the order they were made. */
const undone = (state: string) =>
  server.seen.filter((request) => request.path.startsWith(`/undo/${state}`)).map((request) => request.path);

/** A loop body's first node: a step undone by /undo/<state>-item when the run is cancelled. */
const bodyStep = (state: string) => [
  call('mark', `/book/${state}-item`, { compensation: 'unmark' }),
  call('unmark', `/undo/${state}-item`),
];

const nodeStatus = async (runId: string, nodeId: string) => (await getRun(runId)).nodes[nodeId]?.status;

/**
 * Cancels a run that waits in `waitingNode`, then checks what every state must end with: the run
 * and that node CANCELLED, `book` undone exactly once, and a later decision or cancel refused
 * as run_finished.
 */
async function cancelAndCheck(runId: string, state: string, waitingNode: string, decisionNode = waitingNode) {
  const response = await cancel(runId);
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ runId, status: 'cancelling' });

  const run = await waitForRun(runId);
  expect(run.status).toBe('CANCELLED');
  expect(run.error).toBeNull();
  expect(run.nodes[waitingNode].status).toBe('CANCELLED');
  expect(run.nodes.book.status).toBe('SUCCEEDED');
  expect(run.nodes.undo.status).toBe('SUCCEEDED');
  // Nothing is left open: every step the run recorded has ended.
  const open = run.steps.filter((step: { status: string }) => ['PENDING', 'RUNNING', 'WAITING'].includes(step.status));
  expect(open).toEqual([]);
  expect(server.requests(`/book/${state}`)).toHaveLength(1);
  expect(server.requests(`/undo/${state}`)).toHaveLength(1);

  const finished = { error: { code: 'run_finished', message: `Run ${runId} already ended (cancelled)` } };
  const decision = await decide(runId, decisionNode);
  expect(decision.status).toBe(409);
  expect(await decision.json()).toEqual(finished);
  const again = await cancel(runId);
  expect(again.status).toBe(409);
  expect(await again.json()).toEqual(finished);
  return run;
}

const approval = (id: string, config: Record<string, unknown> = {}): Node => ({
  id,
  type: 'human.approval',
  config: { message: 'go on?', ...config },
});
const longDelay = (id: string): Node => ({
  id,
  type: 'flow.delay',
  config: { mode: 'duration', durationMs: 3_600_000 },
});

describe('engine: cancel ends a run CANCELLED from every waiting state', () => {
  it('while it waits on an approval', async () => {
    const runId = await startRun(await publishWorkflow('cancel approval', bookThen('approval', approval('review'))));
    expect((await waitForRun(runId, ['WAITING'])).waitingApprovals).toEqual(['review']);
    await cancelAndCheck(runId, 'approval', 'review');
  });

  it('in a delay', async () => {
    const runId = await startRun(await publishWorkflow('cancel delay', bookThen('delay', longDelay('nap'))));
    await expect.poll(() => nodeStatus(runId, 'nap'), reached).toBe('WAITING');
    await cancelAndCheck(runId, 'delay', 'nap');
  });

  it("in an approval's timeout timer", async () => {
    const workflowId = await publishWorkflow(
      'cancel approval timer',
      bookThen('timer', approval('review', { timeoutMs: 3_600_000 })),
    );
    const runId = await startRun(workflowId);
    expect((await waitForRun(runId, ['WAITING'])).waitingApprovals).toEqual(['review']);
    await cancelAndCheck(runId, 'timer', 'review');
  });

  it('waiting on a child run, which ends CANCELLED too and runs its own compensations', async () => {
    const childWorkflowId = await publishWorkflow('cancel child: child', {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        call('hold', '/book/child-inner', { compensation: 'release' }),
        approval('sign'),
        call('release', '/undo/child-inner'),
      ],
      edges: [
        { source: 'start', target: 'hold' },
        { source: 'hold', target: 'sign' },
      ],
    });
    const runId = await startRun(
      await publishWorkflow(
        'cancel child: parent',
        bookThen('child', {
          id: 'call',
          type: 'flow.subWorkflow',
          config: { workflowId: childWorkflowId, wait: true },
        }),
      ),
    );
    let childRunId = '';
    await expect
      .poll(async () => {
        const children = await (await apiFetch(`/api/runs?workflowId=${childWorkflowId}`)).json();
        childRunId = children.items[0]?.id ?? '';
        return childRunId;
      }, reached)
      .not.toBe('');
    expect((await waitForRun(childRunId, ['WAITING'])).waitingApprovals).toEqual(['sign']);

    await cancelAndCheck(runId, 'child', 'call');
    const child = await getRun(childRunId);
    expect(child.parentRunId).toBe(runId);
    expect(child.status).toBe('CANCELLED');
    expect(child.nodes.sign.status).toBe('CANCELLED');
    expect(server.requests('/undo/child-inner')).toHaveLength(1);
    // The child undoes its own, newer steps before the parent undoes `book`.
    expect(undone('child')).toEqual(['/undo/child-inner', '/undo/child']);
    const decision = await decide(childRunId, 'sign');
    expect(decision.status).toBe(409);
    expect(await decision.json()).toEqual({
      error: { code: 'run_finished', message: `Run ${childRunId} already ended (cancelled)` },
    });
  });

  it('inside a pass of an inline for-each loop', async () => {
    const definition = bookThen(
      'inline-loop',
      { id: 'each', type: 'flow.forEach', config: { items: [1, 2, 3] } },
      {
        nodes: [...bodyStep('inline-loop'), approval('review')],
        edges: [
          { source: 'each', sourceHandle: 'each', target: 'mark' },
          { source: 'mark', target: 'review' },
          { source: 'review', sourceHandle: 'approved', target: 'each' },
        ],
      },
    );
    const runId = await startRun(await publishWorkflow('cancel inline loop', definition));
    expect((await waitForRun(runId, ['WAITING'])).waitingApprovals).toEqual(['review']);
    const run = await cancelAndCheck(runId, 'inline-loop', 'review');
    expect(run.nodes.each.status).toBe('CANCELLED');
    expect(undone('inline-loop')).toEqual(['/undo/inline-loop-item', '/undo/inline-loop']);
  });

  it("inside a pass of a long for-each loop, in the loop's child workflow", async () => {
    const definition = bookThen(
      'long-loop',
      { id: 'each', type: 'flow.forEach', config: { items: '{{ [1..120] }}' } },
      {
        nodes: [...bodyStep('long-loop'), longDelay('nap')],
        edges: [
          { source: 'each', sourceHandle: 'each', target: 'mark' },
          { source: 'mark', target: 'nap' },
          { source: 'nap', target: 'each' },
        ],
      },
    );
    const runId = await startRun(await publishWorkflow('cancel long loop', definition));
    await expect.poll(() => nodeStatus(runId, 'nap'), reached).toBe('WAITING');
    const run = await cancelAndCheck(runId, 'long-loop', 'nap', 'each');
    expect(run.nodes.each.status).toBe('CANCELLED');
    // The loop's child undoes the pass's step before the run undoes `book`.
    expect(undone('long-loop')).toEqual(['/undo/long-loop-item', '/undo/long-loop']);
  });

  it("in an activity's retry backoff", async () => {
    server.on('/backoff/flaky', () => ({ status: 503 }));
    const flaky = call('flaky', '/backoff/flaky', { retry: { maxAttempts: 3, initialIntervalMs: 60_000 } });
    const runId = await startRun(await publishWorkflow('cancel backoff', bookThen('backoff', flaky)));
    await expect
      .poll(
        async () =>
          (await getRun(runId)).steps
            .filter((step: { nodeId: string }) => step.nodeId === 'flaky')
            .map((step: { attempt: number; status: string }) => [step.attempt, step.status]),
        reached,
      )
      .toEqual([[1, 'FAILED']]);
    await cancelAndCheck(runId, 'backoff', 'flaky');
    expect(server.requests('/backoff/flaky')).toHaveLength(1);
  });
});
