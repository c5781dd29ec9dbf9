import { randomUUID } from 'node:crypto';

// Issue #11's 10-node flow in n8n's workflow format, node for node as orderFlow (flows.ts) has it:
// webhook → HTTP GET → set → if → set → code → set → HTTP POST → set → set. The webhook answers
// with the last node's output when the run ends, as our `?wait=` does.

/** The webhook's path: the flow is started by POST /webhook/<path> on n8n's port. */
export const N8N_WEBHOOK_PATH = 'throughput-bench-order';

interface N8nNode {
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  parameters: Record<string, unknown>;
  webhookId?: string;
}

const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, index: number) =>
  ({
    id: randomUUID(),
    name,
    type: `n8n-nodes-base.${type}`,
    typeVersion,
    position: [index * 220, 0],
    parameters,
  }) satisfies N8nNode;

/** An Edit Fields node setting these fields (n8n expressions), keeping the item's other fields or not. */
const setFields = (
  name: string,
  index: number,
  fields: Record<string, [string, 'string' | 'number']>,
  keepOtherFields = true,
) =>
  node(
    name,
    'set',
    3.4,
    {
      mode: 'manual',
      includeOtherFields: keepOtherFields,
      assignments: {
        assignments: Object.entries(fields).map(([field, [value, type]]) => ({
          id: randomUUID(),
          name: field,
          value,
          type,
        })),
      },
      options: {},
    },
    index,
  );

export function n8nOrderFlow(stubUrl: string) {
  const nodes: N8nNode[] = [
    {
      ...node(
        'Webhook',
        'webhook',
        2,
        { httpMethod: 'POST', path: N8N_WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
        0,
      ),
      webhookId: randomUUID(),
    },
    node('Fetch items', 'httpRequest', 4.2, { url: `${stubUrl}/items`, options: {} }, 1),
    setFields('Settings', 2, {
      customer: ["={{ $('Webhook').item.json.body.customer.toUpperCase() }}", 'string'],
      count: ['={{ $json.items.length }}', 'number'],
    }),
    node(
      'Enough',
      'if',
      2.2,
      {
        conditions: {
          options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
          conditions: [
            {
              id: randomUUID(),
              leftValue: '={{ $json.count }}',
              rightValue: 1,
              operator: { type: 'number', operation: 'gte' },
            },
          ],
          combinator: 'and',
        },
        options: {},
      },
      3,
    ),
    setFields('Prices', 4, {
      subtotal: ["={{ $('Fetch items').item.json.items.reduce((sum, item) => sum + item.price, 0) }}", 'number'],
    }),
    node(
      'Tax',
      'code',
      2,
      {
        jsCode:
          'return $input.all().map((item) => ({ json: { total: Math.round(item.json.subtotal * 1.2), customer: item.json.customer } }));',
      },
      5,
    ),
    setFields('Order', 6, { total: ['={{ $json.total }}', 'number'] }),
    node(
      'Submit',
      'httpRequest',
      4.2,
      {
        method: 'POST',
        url: `${stubUrl}/orders`,
        sendBody: true,
        specifyBody: 'json',
        jsonBody: '={{ JSON.stringify({ customer: $json.customer, total: $json.total }) }}',
        options: {},
      },
      7,
    ),
    setFields('Receipt', 8, { orderId: ['={{ $json.id }}', 'string'] }),
    setFields(
      'Result',
      9,
      { orderId: ['={{ $json.orderId }}', 'string'], total: ["={{ $('Order').item.json.total }}", 'number'] },
      false,
    ),
  ];
  const connections: Record<string, { main: { node: string; type: 'main'; index: number }[][] }> = {};
  for (const [index, from] of nodes.slice(0, -1).entries()) {
    const next = [{ node: nodes[index + 1].name, type: 'main' as const, index: 0 }];
    // The if node's first output is its true branch; the false one leads nowhere, as in ours.
    connections[from.name] = { main: from.name === 'Enough' ? [next, []] : [next] };
  }
  return {
    id: 'ThroughputBench1',
    name: 'Throughput bench: order flow',
    nodes,
    connections,
    settings: {},
    active: false,
  };
}
