import { TestServer } from '../../tests/support/test-server';

// The flows the bench runs against a local stub of an outside API (tests/support/test-server.ts,
// on the one loopback address the test platform's outbound guard opens).

interface FlowNode {
  id: string;
  type: string;
  config?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

/** How one run the bench started and waited for ended: its latency, or what went wrong. */
export interface RunEnd {
  ok: boolean;
  latencyMs: number;
  problem?: string;
}

export interface BenchFlow {
  name: string;
  definition: { nodes: FlowNode[]; edges: { source: string; target: string; sourceHandle?: string }[] };
  /** Nodes the run executes, the trigger included. */
  steps: number;
}

const chain = (nodes: FlowNode[], handles: Record<string, string> = {}): BenchFlow['definition'] => ({
  nodes,
  edges: nodes.slice(1).map((node, index) => ({
    source: nodes[index].id,
    target: node.id,
    ...(handles[nodes[index].id] ? { sourceHandle: handles[nodes[index].id] } : {}),
  })),
});

/** Answers the flows' calls at once, so the runs measure the platform, not the network. */
export async function startStubApi(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new TestServer();
  const url = await server.start();
  server.on('/items', () => ({
    json: { items: [1, 2, 3].map((n) => ({ sku: `sku-${n}`, price: 1000 + 250 * n })) },
  }));
  server.on('/orders', (request) => {
    const order = JSON.parse(request.body || '{}') as { customer?: string; total?: number };
    return { status: 201, json: { id: `order-${order.customer}`, total: order.total } };
  });
  server.on('/ping', () => ({ json: { ok: true } }));
  return {
    url,
    stop: async () => {
      // It keeps every request it saw; the bench reads none.
      server.seen.length = 0;
      await server.stop();
    },
  };
}

/**
 * Issue #11's flow, 10 nodes: HTTP GET → set → if → set → code → set → HTTP POST → set → output
 * (the last set is the run's output node, pure as a set is). Three are activities: both HTTP
 * calls and the code node.
 */
export function orderFlow(stubUrl: string): BenchFlow {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'trigger.manual' },
    { id: 'fetchItems', type: 'http.request', config: { method: 'GET', url: `${stubUrl}/items` } },
    {
      id: 'settings',
      type: 'data.set',
      config: {
        values: {
          customer: '{{ $uppercase(input.customer) }}',
          count: '{{ $count(nodes.fetchItems.output.body.items) }}',
        },
      },
    },
    { id: 'enough', type: 'logic.if', config: { condition: '{{ vars.count >= 1 }}' } },
    {
      id: 'prices',
      type: 'data.set',
      config: { values: { subtotal: '{{ $sum(nodes.fetchItems.output.body.items.price) }}' } },
    },
    {
      id: 'tax',
      type: 'code.javascript',
      config: {
        code: 'return { total: Math.round(input.subtotal * 1.2), customer: input.customer }',
        input: { subtotal: '{{ vars.subtotal }}', customer: '{{ vars.customer }}' },
      },
    },
    { id: 'order', type: 'data.set', config: { values: { total: '{{ nodes.tax.output.total }}' } } },
    {
      id: 'submit',
      type: 'http.request',
      config: {
        method: 'POST',
        url: `${stubUrl}/orders`,
        body: { type: 'json', value: { customer: '{{ vars.customer }}', total: '{{ vars.total }}' } },
      },
    },
    { id: 'receipt', type: 'data.set', config: { values: { orderId: '{{ nodes.submit.output.body.id }}' } } },
    {
      id: 'result',
      type: 'flow.output',
      config: { value: { orderId: '{{ vars.orderId }}', total: '{{ vars.total }}' } },
    },
  ];
  return { name: 'order flow (10 nodes, 3 activities)', definition: chain(nodes, { enough: 'true' }), steps: 10 };
}

/** `count` HTTP GETs one after another: what one activity step costs. */
export function activitySteps(stubUrl: string, count: number): BenchFlow {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'trigger.manual' },
    ...Array.from({ length: count }, (_, index) => ({
      id: `get${index + 1}`,
      type: 'http.request',
      config: { method: 'GET', url: `${stubUrl}/ping` },
    })),
  ];
  return { name: `${count} activity steps`, definition: chain(nodes), steps: count };
}

/** `count` set nodes one after another: what one step evaluated in the workflow costs. */
export function pureSteps(count: number): BenchFlow {
  const nodes: FlowNode[] = [
    { id: 'start', type: 'trigger.manual' },
    ...Array.from({ length: count }, (_, index) => ({
      id: `set${index + 1}`,
      type: 'data.set',
      config: { values: { [`v${index + 1}`]: `{{ ${index} + 1 }}` } },
    })),
  ];
  return { name: `${count} pure steps`, definition: chain(nodes), steps: count };
}

/** The activity node types the flows use. */
const ACTIVITY_TYPES = new Set(['http.request', 'code.javascript']);

/**
 * The flow with every activity node set to run as a local or a regular Temporal activity
 * (`settings.activityMode`), to compare the two on the same code; unchanged without a mode.
 */
export function withActivityMode(flow: BenchFlow, activityMode?: 'local' | 'regular'): BenchFlow {
  if (!activityMode) return flow;
  const nodes = flow.definition.nodes.map((node) =>
    ACTIVITY_TYPES.has(node.type) ? { ...node, settings: { ...node.settings, activityMode } } : node,
  );
  return { ...flow, name: `${flow.name}, ${activityMode} activities`, definition: { ...flow.definition, nodes } };
}
