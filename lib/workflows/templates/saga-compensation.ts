import { at, type WorkflowTemplate } from './template';

const call = (id: string, name: string, method: string, path: string, compensation?: string) => ({
  id,
  type: 'http.request',
  name,
  config: { method, url: `https://httpbin.org/anything/${path}` },
  settings: { retry: { maxAttempts: 3 }, ...(compensation ? { compensation } : {}) },
});

export const sagaCompensation: WorkflowTemplate = {
  id: 'saga-compensation',
  name: 'Order saga with compensation',
  description:
    'Reserves stock, then charges the card; when shipping fails, the charge is refunded and the stock released, in reverse order.',
  definition: {
    nodes: [
      { id: 'start', type: 'trigger.manual', name: 'Order placed', position: at(0, 0) },
      { ...call('reserve', 'Reserve stock', 'POST', 'reservations', 'release'), position: at(1, 0) },
      { ...call('charge', 'Charge the card', 'POST', 'payments', 'refund'), position: at(2, 0) },
      {
        id: 'ship',
        type: 'flow.stopAndError',
        name: 'Shipping fails',
        config: {
          message: 'No carrier can ship this order: replace this step with your shipping call',
          code: 'NoCarrier',
        },
        position: at(3, 0),
      },
      // Compensations are reached only through `settings.compensation`, never through an edge;
      // each sits under the step it undoes.
      { ...call('release', 'Release the stock', 'DELETE', 'reservations'), position: at(1, 1) },
      { ...call('refund', 'Refund the charge', 'POST', 'refunds'), position: at(2, 1) },
    ],
    edges: [
      { source: 'start', target: 'reserve' },
      { source: 'reserve', target: 'charge' },
      { source: 'charge', target: 'ship' },
    ],
  },
};
