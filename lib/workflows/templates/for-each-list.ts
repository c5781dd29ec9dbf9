import { at, type WorkflowTemplate } from './template';

export const forEachList: WorkflowTemplate = {
  id: 'for-each-list',
  name: 'Loop over a list',
  description: 'Fetches every item of a list, two at a time, then returns what each call answered.',
  definition: {
    nodes: [
      { id: 'start', type: 'trigger.manual', name: 'Start', position: at(0, 0) },
      {
        id: 'list',
        type: 'data.set',
        name: 'Items to fetch',
        config: { values: { itemIds: [101, 102, 103] } },
        position: at(1, 0),
      },
      {
        id: 'each',
        type: 'flow.forEach',
        name: 'For each item',
        config: { items: '{{ vars.itemIds }}', concurrency: 2 },
        position: at(2, 0),
      },
      {
        id: 'fetchItem',
        type: 'http.request',
        name: 'Fetch the item',
        config: { method: 'GET', url: 'https://httpbin.org/anything/items/{{ loop.item }}' },
        position: at(3, 1),
      },
      {
        id: 'out',
        type: 'flow.output',
        name: 'Results',
        config: { value: '{{ nodes.each.output }}' },
        position: at(4, 0),
      },
    ],
    edges: [
      { source: 'start', target: 'list' },
      { source: 'list', target: 'each' },
      { source: 'each', sourceHandle: 'each', target: 'fetchItem' },
      // Back into the loop: the next item starts when this one's body is done.
      { source: 'fetchItem', target: 'each' },
      { source: 'each', sourceHandle: 'done', target: 'out' },
    ],
  },
};
