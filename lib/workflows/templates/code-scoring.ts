import { at, type WorkflowTemplate } from './template';

// Runs in the QuickJS sandbox: `input` is the node's config.input, the return value its output.
const scoreOrder = `const items = input?.items ?? [
  { sku: 'desk', price: 320, quantity: 1 },
  { sku: 'lamp', price: 45, quantity: 2 },
];
const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
console.log(\`Order total: \${total}\`);
return { total, score: Math.min(100, Math.round(total / 5)) };`;

export const codeScoring: WorkflowTemplate = {
  id: 'code-scoring',
  name: 'Score with code, route by case',
  description: 'Computes an order score in JavaScript, then routes high, medium and other scores to their own branch.',
  definition: {
    nodes: [
      { id: 'start', type: 'trigger.manual', name: 'Order received', position: at(0, 1) },
      {
        id: 'score',
        type: 'code.javascript',
        name: 'Score the order',
        config: { code: scoreOrder, input: '{{ input }}', timeoutMs: 1000 },
        position: at(1, 1),
      },
      {
        id: 'route',
        type: 'logic.switch',
        name: 'Route by score',
        config: {
          cases: [
            { name: 'high', when: '{{ nodes.score.output.score >= 80 }}' },
            { name: 'medium', when: '{{ nodes.score.output.score >= 40 }}' },
          ],
        },
        position: at(2, 1),
      },
      {
        id: 'priority',
        type: 'flow.output',
        name: 'Priority handling',
        config: { value: { lane: 'priority', total: '{{ nodes.score.output.total }}' } },
        position: at(3, 0),
      },
      {
        id: 'standard',
        type: 'flow.output',
        name: 'Standard handling',
        config: { value: { lane: 'standard', total: '{{ nodes.score.output.total }}' } },
        position: at(3, 1),
      },
      {
        id: 'review',
        type: 'flow.output',
        name: 'Manual review',
        config: { value: { lane: 'review', total: '{{ nodes.score.output.total }}' } },
        position: at(3, 2),
      },
    ],
    edges: [
      { source: 'start', target: 'score' },
      { source: 'score', target: 'route' },
      { source: 'route', sourceHandle: 'high', target: 'priority' },
      { source: 'route', sourceHandle: 'medium', target: 'standard' },
      { source: 'route', sourceHandle: 'default', target: 'review' },
    ],
  },
};
