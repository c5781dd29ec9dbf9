import type { WorkflowDefinitionInput } from '@/lib/definition/schema';

export interface ReplaySample {
  definition: WorkflowDefinitionInput;
  input?: unknown;
  /** An approval node to approve once the run waits. */
  approve?: string;
  /** Workflows published first; the definition names them as `{{WORKFLOW:<key>}}`. */
  workflows?: Record<string, WorkflowDefinitionInput>;
  /** Cancels the run once it reaches this status (an approval waiting: WAITING). */
  cancelWhen?: 'WAITING';
  /** How the run must end: a sample that ends otherwise did not exercise what it is for. */
  status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  /**
   * Also records each execution of the run's long-loop child, one per continue-as-new generation;
   * at least two, unless the sample cancels the run.
   */
  loopChildren?: boolean;
  /**
   * The event.emit node whose event's fan-out (temporal/workflows/event-fan-out-workflow.ts) is
   * recorded too, as `<sample>.fan-out`; `workflows` holds its subscribers.
   */
  fanOutOf?: string;
}

const loopItems = Array.from({ length: 120 }, (_, i) => i);

/** A for-each over 100 items whose body is three pure nodes, `lanes` passes at a time. */
const pureLoopOf100 = (lanes: number): WorkflowDefinitionInput => ({
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    { id: 'each', type: 'flow.forEach', config: { items: '{{ [1..100] }}', concurrency: lanes } },
    { id: 'double', type: 'data.transform', config: { expression: 'loop.item * 2' } },
    { id: 'plusOne', type: 'data.transform', config: { expression: 'nodes.double.output + 1' } },
    { id: 'half', type: 'data.transform', config: { expression: 'nodes.plusOne.output / 2' } },
    { id: 'out', type: 'flow.output', config: { value: '{{ $sum(nodes.each.output) }}' } },
  ],
  edges: [
    { source: 'start', target: 'each' },
    { source: 'each', sourceHandle: 'each', target: 'double' },
    { source: 'double', target: 'plusOne' },
    { source: 'plusOne', target: 'half' },
    { source: 'half', target: 'each' },
    { source: 'each', sourceHandle: 'done', target: 'out' },
  ],
});

/**
 * Sample definitions whose recorded histories guard the interpreter: together they exercise
 * every node kind, so a change that reorders the commands of an in-flight run fails replay.
 * `{{BASE}}` is the URL of the local test server at recording time.
 */
export const replaySamples: Record<string, ReplaySample> = {
  'pure-branching': {
    status: 'SUCCEEDED',
    input: { amount: 50 },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'vars', type: 'data.set', config: { values: { factor: 3 } } },
        { id: 'calc', type: 'data.transform', config: { expression: 'input.amount * vars.factor' } },
        { id: 'big', type: 'logic.if', config: { condition: '{{ nodes.calc.output > 100 }}' } },
        {
          id: 'route',
          type: 'logic.switch',
          config: { cases: [{ name: 'even', when: '{{ nodes.calc.output % 2 = 0 }}' }] },
        },
        { id: 'yes', type: 'flow.output', config: { value: '{{ nodes.calc.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'vars' },
        { source: 'vars', target: 'calc' },
        { source: 'calc', target: 'big' },
        { source: 'big', sourceHandle: 'true', target: 'route' },
        { source: 'route', sourceHandle: 'even', target: 'yes' },
      ],
    },
  },
  'parallel-http-merge-loop': {
    status: 'SUCCEEDED',
    input: { items: [1, 2, 3] },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fan', type: 'flow.parallel' },
        { id: 'a', type: 'http.request', config: { url: '{{BASE}}/a' } },
        { id: 'b', type: 'http.request', config: { url: '{{BASE}}/b' }, settings: { onError: 'continue' } },
        { id: 'join', type: 'flow.merge', config: { mode: 'wait-all' } },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ input.items }}', concurrency: 2 } },
        { id: 'double', type: 'data.transform', config: { expression: 'loop.item * 2' } },
        { id: 'pause', type: 'flow.delay', config: { mode: 'duration', durationMs: 10 } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.each.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'fan' },
        { source: 'fan', target: 'a' },
        { source: 'fan', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
        { source: 'join', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'double' },
        { source: 'double', target: 'each' },
        { source: 'each', sourceHandle: 'done', target: 'pause' },
        { source: 'pause', target: 'out' },
      ],
    },
  },
  'approval-then-saga': {
    status: 'FAILED',
    approve: 'review',
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'ok?' } },
        { id: 'book', type: 'http.request', config: { url: '{{BASE}}/book' }, settings: { compensation: 'unbook' } },
        { id: 'fail', type: 'flow.stopAndError', config: { message: 'no seats' } },
        { id: 'unbook', type: 'http.request', config: { url: '{{BASE}}/unbook' } },
      ],
      edges: [
        { source: 'start', target: 'review' },
        { source: 'review', sourceHandle: 'approved', target: 'book' },
        { source: 'book', target: 'fail' },
      ],
    },
  },
  'for-each-continue-as-new': {
    status: 'SUCCEEDED',
    loopChildren: true,
    input: { items: loopItems },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ input.items }}', concurrency: 5 } },
        { id: 'tick', type: 'flow.delay', config: { mode: 'duration', durationMs: 1 } },
        { id: 'square', type: 'data.transform', config: { expression: 'loop.item * loop.item' } },
        { id: 'out', type: 'flow.output', config: { value: '{{ $sum(nodes.each.output) }}' } },
      ],
      edges: [
        { source: 'start', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'tick' },
        { source: 'tick', target: 'square' },
        { source: 'square', target: 'each' },
        { source: 'each', sourceHandle: 'done', target: 'out' },
      ],
    },
  },
  'sub-workflow': {
    status: 'SUCCEEDED',
    input: { n: 21 },
    workflows: {
      double: {
        nodes: [
          { id: 'start', type: 'trigger.manual' },
          { id: 'out', type: 'flow.output', config: { value: '{{ input.n * 2 }}' } },
        ],
        edges: [{ source: 'start', target: 'out' }],
      },
    },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'call',
          type: 'flow.subWorkflow',
          config: { workflowId: '{{WORKFLOW:double}}', input: { n: '{{ input.n }}' } },
        },
        {
          id: 'notify',
          type: 'flow.subWorkflow',
          config: { workflowId: '{{WORKFLOW:double}}', input: { n: 1 }, wait: false },
        },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.call.output.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'call' },
        { source: 'call', target: 'notify' },
        { source: 'notify', target: 'out' },
      ],
    },
  },
  'code-node': {
    status: 'SUCCEEDED',
    input: { values: [1, 2, 3] },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'sum',
          type: 'code.javascript',
          config: {
            code: "console.log('summing'); return input.values.reduce((a, b) => a + b, 0);",
            input: '{{ input }}',
          },
        },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.sum.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'sum' },
        { source: 'sum', target: 'out' },
      ],
    },
  },
  // Activity nodes as local activities (patch 'activity-nodes-run-as-local-activities'): two
  // in parallel, a code node, a retry waited in the worker and one waited on a timer (a backoff
  // above the local retry threshold), and a node that asks for a regular activity.
  'local-activity-nodes': {
    status: 'SUCCEEDED',
    input: { values: [1, 2, 3] },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fan', type: 'flow.parallel' },
        { id: 'a', type: 'http.request', config: { url: '{{BASE}}/a' } },
        { id: 'b', type: 'http.request', config: { url: '{{BASE}}/b' }, settings: { timeoutMs: 20_000 } },
        { id: 'join', type: 'flow.merge', config: { mode: 'wait-all' } },
        {
          id: 'sum',
          type: 'code.javascript',
          config: { code: 'return input.values.reduce((a, b) => a + b, 0);', input: '{{ input }}' },
        },
        {
          id: 'quickRetry',
          type: 'code.javascript',
          config: { code: "throw new Error('not yet')" },
          settings: { retry: { maxAttempts: 2, initialIntervalMs: 50 }, onError: 'continue' },
        },
        {
          id: 'timerRetry',
          type: 'code.javascript',
          config: { code: "throw new Error('not yet')" },
          settings: { retry: { maxAttempts: 2, initialIntervalMs: 11_000 }, onError: 'continue' },
        },
        { id: 'regular', type: 'http.request', config: { url: '{{BASE}}/c' }, settings: { activityMode: 'regular' } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.sum.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'fan' },
        { source: 'fan', target: 'a' },
        { source: 'fan', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
        { source: 'join', target: 'sum' },
        { source: 'sum', target: 'quickRetry' },
        { source: 'quickRetry', target: 'timerRetry' },
        { source: 'timerRetry', target: 'regular' },
        { source: 'regular', target: 'out' },
      ],
    },
  },
  // Local activity nodes that answer with their end time (patch
  // 'local-activity-nodes-answer-their-end-time'), which the nodes after them are stamped from.
  'local-activity-nodes-timed': {
    status: 'SUCCEEDED',
    input: { values: [1, 2, 3] },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fan', type: 'flow.parallel' },
        { id: 'a', type: 'http.request', config: { url: '{{BASE}}/a' } },
        { id: 'b', type: 'http.request', config: { url: '{{BASE}}/b' } },
        { id: 'join', type: 'flow.merge', config: { mode: 'wait-all' } },
        {
          id: 'sum',
          type: 'code.javascript',
          config: { code: 'return input.values.reduce((a, b) => a + b, 0);', input: '{{ input }}' },
        },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.sum.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'fan' },
        { source: 'fan', target: 'a' },
        { source: 'fan', target: 'b' },
        { source: 'a', target: 'join' },
        { source: 'b', target: 'join' },
        { source: 'join', target: 'sum' },
        { source: 'sum', target: 'out' },
      ],
    },
  },
  'delay-until': {
    status: 'SUCCEEDED',
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'wait',
          type: 'flow.delay',
          config: { mode: 'until', until: '{{ $fromMillis($toMillis(run.startedAt) + 1000) }}' },
        },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.wait.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'wait' },
        { source: 'wait', target: 'out' },
      ],
    },
  },
  // A delay right after an activity node: the wait's own record is the only thing to write
  // before the timer (patch 'delay-recorded-waiting').
  'delay-recorded-waiting': {
    status: 'SUCCEEDED',
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fetch', type: 'http.request', config: { url: '{{BASE}}/before-delay' } },
        { id: 'wait', type: 'flow.delay', config: { mode: 'duration', durationMs: 200 } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.wait.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'fetch' },
        { source: 'fetch', target: 'wait' },
        { source: 'wait', target: 'out' },
      ],
    },
  },
  // 100 passes of three pure nodes in the run itself: past 200 buffered steps the loop writes
  // them mid-loop (patch 'loop-flushes-pure-passes').
  'for-each-pure-flush': { status: 'SUCCEEDED', definition: pureLoopOf100(5) },
  // The same with 10 lanes: every lane waits while the buffered steps are written (patch
  // 'loop-lanes-wait-for-flush'), so an activation runs about 200 steps, not 200 a lane.
  'for-each-lanes-wait-for-flush': { status: 'SUCCEEDED', definition: pureLoopOf100(10) },
  // A run started on engine revision 1 (lib/runs/run-contract.ts): local activity nodes timed,
  // a delay recorded waiting and a loop of pure passes flushed mid-loop with its lanes waiting,
  // all taken without a patch marker or a search-attribute update.
  'engine-revision-1': {
    status: 'SUCCEEDED',
    input: { values: [1, 2, 3] },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'fetch', type: 'http.request', config: { url: '{{BASE}}/revision-1' } },
        {
          id: 'sum',
          type: 'code.javascript',
          config: { code: 'return input.values.reduce((a, b) => a + b, 0);', input: '{{ input }}' },
        },
        { id: 'wait', type: 'flow.delay', config: { mode: 'duration', durationMs: 200 } },
        ...pureLoopOf100(10).nodes.slice(1),
      ],
      edges: [
        { source: 'start', target: 'fetch' },
        { source: 'fetch', target: 'sum' },
        { source: 'sum', target: 'wait' },
        { source: 'wait', target: 'each' },
        ...(pureLoopOf100(10).edges ?? []).slice(1),
      ],
    },
  },
  'error-workflow': {
    status: 'FAILED',
    workflows: {
      alert: {
        nodes: [
          { id: 'start', type: 'trigger.manual' },
          { id: 'out', type: 'flow.output', config: { value: '{{ "alert: " & input.error.message }}' } },
        ],
        edges: [{ source: 'start', target: 'out' }],
      },
    },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'boom', type: 'flow.stopAndError', config: { message: 'disk full' } },
      ],
      edges: [{ source: 'start', target: 'boom' }],
      settings: { errorWorkflowId: '{{WORKFLOW:alert}}' },
    },
  },
  'approval-timeout': {
    status: 'SUCCEEDED',
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'review', type: 'human.approval', config: { message: 'ok?', timeoutMs: 200 } },
        { id: 'late', type: 'flow.output', config: { value: '{{ nodes.review.output.decision }}' } },
      ],
      edges: [
        { source: 'start', target: 'review' },
        { source: 'review', sourceHandle: 'timeout', target: 'late' },
      ],
    },
  },
  compensation: {
    status: 'FAILED',
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        {
          id: 'reserve',
          type: 'http.request',
          config: { url: '{{BASE}}/reserve' },
          settings: { compensation: 'release' },
        },
        {
          id: 'charge',
          type: 'http.request',
          config: { url: '{{BASE}}/charge' },
          settings: { compensation: 'refund' },
        },
        { id: 'fail', type: 'flow.stopAndError', config: { message: 'out of stock' } },
        { id: 'release', type: 'http.request', config: { url: '{{BASE}}/release' } },
        // A compensation that fails: the run's error lists it, the others still run.
        { id: 'refund', type: 'flow.stopAndError', config: { message: 'refund desk closed' } },
      ],
      edges: [
        { source: 'start', target: 'reserve' },
        { source: 'reserve', target: 'charge' },
        { source: 'charge', target: 'fail' },
      ],
    },
  },
  // A run cancelled while a long loop's child waits on an approval in a pass: the child cancels
  // the pass, writes its records (patch 'loop-child-records-its-end') and ends; the run then
  // undoes `book` and records CANCELLED. The child's id comes after an activity, from the
  // interpreter's own random stream (patch 'child-ids-own-random-stream'): recorded with tracing
  // on, it replays here without it.
  'cancel-in-long-loop': {
    status: 'CANCELLED',
    cancelWhen: 'WAITING',
    loopChildren: true,
    input: { items: loopItems },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'book', type: 'http.request', config: { url: '{{BASE}}/book' }, settings: { compensation: 'unbook' } },
        { id: 'each', type: 'flow.forEach', config: { items: '{{ input.items }}' } },
        { id: 'review', type: 'human.approval', config: { message: 'item {{ loop.item }}?' } },
        { id: 'unbook', type: 'http.request', config: { url: '{{BASE}}/unbook' } },
      ],
      edges: [
        { source: 'start', target: 'book' },
        { source: 'book', target: 'each' },
        { source: 'each', sourceHandle: 'each', target: 'review' },
        { source: 'review', sourceHandle: 'approved', target: 'each' },
      ],
    },
  },
  // An event.emit node publishes an event; its fan-out lists the subscribers (one filtered out),
  // records a run of each of the other two and starts both as abandoned children, concurrently.
  'event-fan-out': {
    status: 'SUCCEEDED',
    input: { invoice: 42 },
    fanOutOf: 'emit',
    workflows: {
      first: {
        nodes: [
          { id: 'on', type: 'trigger.event', config: { topic: 'replay.fan-out' } },
          { id: 'out', type: 'flow.output', config: { value: '{{ nodes.on.output.payload }}' } },
        ],
        edges: [{ source: 'on', target: 'out' }],
      },
      second: {
        nodes: [
          {
            id: 'on',
            type: 'trigger.event',
            config: { topic: 'replay.fan-out', filter: 'input.payload.invoice > 10' },
          },
          { id: 'out', type: 'flow.output', config: { value: '{{ nodes.on.output.payload }}' } },
        ],
        edges: [{ source: 'on', target: 'out' }],
      },
      filteredOut: {
        nodes: [
          {
            id: 'on',
            type: 'trigger.event',
            config: { topic: 'replay.fan-out', filter: 'input.payload.invoice > 1000' },
          },
          { id: 'out', type: 'flow.output', config: { value: '{{ nodes.on.output.payload }}' } },
        ],
        edges: [{ source: 'on', target: 'out' }],
      },
    },
    definition: {
      nodes: [
        { id: 'start', type: 'trigger.manual' },
        { id: 'emit', type: 'event.emit', config: { topic: 'replay.fan-out', payload: '{{ input }}' } },
        { id: 'out', type: 'flow.output', config: { value: '{{ nodes.emit.output }}' } },
      ],
      edges: [
        { source: 'start', target: 'emit' },
        { source: 'emit', target: 'out' },
      ],
    },
  },
};
