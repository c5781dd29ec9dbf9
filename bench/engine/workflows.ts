// The bench worker's workflows: our interpreter, and the bench flow written by hand as a
// Temporal workflow, its baseline. Bundled into the workflow sandbox like temporal/workflows.
import { proxyActivities } from '@temporalio/workflow';
import { definitionNodeSchema } from '../../lib/definition/schema';
import type { NodeActivityInput } from '../../lib/runs/run-contract';
import { activityOptions } from '../../temporal/workflows/interpreter/activity-node';
import { FETCH_ITEMS_NODE, SUBMIT_ORDER_NODE, type BenchInput, type BenchOutput } from './flow';

export { runWorkflow } from '../../temporal/workflows/run-workflow';

interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: unknown;
}

// The bench definition's HTTP nodes have default settings: give the calls the very options the
// interpreter derives for such a node, so both kinds time out, heartbeat and retry alike.
const { 'http.request': httpRequest } = proxyActivities<{
  'http.request': (input: NodeActivityInput) => Promise<HttpResponse>;
}>(activityOptions(definitionNodeSchema.parse({ id: FETCH_ITEMS_NODE, type: 'http.request' })));

export interface HandWrittenInput {
  /** The id of the Run row the HTTP activity records its steps under. */
  runId: string;
  orgId: string;
  input: BenchInput;
}

/** What the bench definition computes, node by node, in plain TypeScript. */
export async function handWrittenFlow({ runId, orgId, input }: HandWrittenInput): Promise<BenchOutput | null> {
  const call = (nodeId: string, config: unknown) => httpRequest({ runId, orgId, nodeId, iteration: 0, config });
  // settings
  const vars = { customer: input.customer.toUpperCase(), taxPercent: 20, minQuantity: 1 };
  // quote
  const quote = { customer: vars.customer, quantity: input.quantity, subtotal: input.quantity * input.unitPrice };
  // enough: the false branch leads nowhere, so the run ends with no output.
  if (!(quote.quantity >= vars.minQuantity)) return null;
  // query
  const query = { limit: quote.quantity, tag: vars.customer.toLowerCase() };
  const fetched = await call(FETCH_ITEMS_NODE, { method: 'GET', url: `${input.baseUrl}/items`, query });
  // order
  const { items } = fetched.body as { items: { sku: string; price: number }[] };
  const order = {
    customer: quote.customer,
    skus: items.map((item) => item.sku),
    total: (items.reduce((sum, item) => sum + item.price, 0) * (100 + vars.taxPercent)) / 100,
  };
  // totals
  const totals = { orderTotal: order.total, itemCount: order.skus.length };
  const submitted = await call(SUBMIT_ORDER_NODE, {
    method: 'POST',
    url: `${input.baseUrl}/orders`,
    body: { type: 'json', value: order },
  });
  // result
  return {
    orderId: (submitted.body as { id: string }).id,
    status: submitted.status,
    subtotal: quote.subtotal,
    total: totals.orderTotal,
    items: totals.itemCount,
  };
}
