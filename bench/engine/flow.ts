import type { WorkflowDefinitionInput } from '../../lib/definition/schema';

// The flow both kinds of run execute: 8 pure nodes and 2 HTTP calls to the local API in
// api-server.ts. The if node's `false` handle leads nowhere, so exactly these 10 nodes run and
// none is recorded as skipped. handWrittenFlow in workflows.ts computes the same in plain
// TypeScript; main.ts checks both return the same output before it measures anything.

/** The run input of both kinds: the API's address travels in it, so the definition is fixed. */
export interface BenchInput {
  baseUrl: string;
  customer: string;
  quantity: number;
  /** In cents, so totals stay whole numbers in JSONata and TypeScript alike. */
  unitPrice: number;
}

export interface BenchOutput {
  orderId: string;
  status: number;
  subtotal: number;
  total: number;
  items: number;
}

export const benchInput = (baseUrl: string): BenchInput => ({
  baseUrl,
  customer: 'acme',
  quantity: 3,
  unitPrice: 1250,
});

/** Node ids of the HTTP calls, which the hand-written flow records its steps under too. */
export const FETCH_ITEMS_NODE = 'fetchItems';
export const SUBMIT_ORDER_NODE = 'submit';

const chain = [
  'start',
  'settings',
  'quote',
  'enough',
  'query',
  FETCH_ITEMS_NODE,
  'order',
  'totals',
  SUBMIT_ORDER_NODE,
  'result',
];

export const benchDefinition: WorkflowDefinitionInput = {
  nodes: [
    { id: 'start', type: 'trigger.manual' },
    {
      id: 'settings',
      type: 'data.set',
      config: { values: { customer: '{{ $uppercase(input.customer) }}', taxPercent: 20, minQuantity: 1 } },
    },
    {
      id: 'quote',
      type: 'data.transform',
      config: {
        expression:
          '{ "customer": vars.customer, "quantity": nodes.start.output.quantity, "subtotal": input.quantity * input.unitPrice }',
      },
    },
    { id: 'enough', type: 'logic.if', config: { condition: '{{ nodes.quote.output.quantity >= vars.minQuantity }}' } },
    {
      id: 'query',
      type: 'data.transform',
      config: { expression: '{ "limit": nodes.quote.output.quantity, "tag": $lowercase(vars.customer) }' },
    },
    {
      id: FETCH_ITEMS_NODE,
      type: 'http.request',
      config: {
        method: 'GET',
        url: '{{ input.baseUrl }}/items',
        query: { limit: '{{ nodes.query.output.limit }}', tag: '{{ nodes.query.output.tag }}' },
      },
    },
    {
      id: 'order',
      type: 'data.transform',
      config: {
        expression:
          '{ "customer": nodes.quote.output.customer, "skus": [nodes.fetchItems.output.body.items.sku], ' +
          '"total": $sum(nodes.fetchItems.output.body.items.price) * (100 + vars.taxPercent) / 100 }',
      },
    },
    {
      id: 'totals',
      type: 'data.set',
      config: {
        values: { orderTotal: '{{ nodes.order.output.total }}', itemCount: '{{ $count(nodes.order.output.skus) }}' },
      },
    },
    {
      id: SUBMIT_ORDER_NODE,
      type: 'http.request',
      config: {
        method: 'POST',
        url: '{{ input.baseUrl }}/orders',
        body: { type: 'json', value: '{{ nodes.order.output }}' },
      },
    },
    {
      id: 'result',
      type: 'flow.output',
      config: {
        value: {
          orderId: '{{ nodes.submit.output.body.id }}',
          status: '{{ nodes.submit.output.status }}',
          subtotal: '{{ nodes.quote.output.subtotal }}',
          total: '{{ vars.orderTotal }}',
          items: '{{ vars.itemCount }}',
        },
      },
    },
  ],
  edges: chain.slice(1).map((target, index) => ({
    source: chain[index],
    target,
    ...(chain[index] === 'enough' ? { sourceHandle: 'true' } : {}),
  })),
};
