import type { WorkflowDefinitionInput } from '@/lib/definition/schema';

/**
 * Sample definitions whose recorded histories guard the interpreter: together they exercise
 * every node kind, so a change that reorders the commands of an in-flight run fails replay.
 * `{{BASE}}` is the URL of the local test server at recording time.
 */
export const replaySamples: Record<string, { definition: WorkflowDefinitionInput; input?: unknown; approve?: string }> =
  {
    'pure-branching': {
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
  };
