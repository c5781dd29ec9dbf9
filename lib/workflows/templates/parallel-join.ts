import { at, type WorkflowTemplate } from './template';

const call = (id: string, name: string, url: string, lane: number) => ({
  id,
  type: 'http.request',
  name,
  config: { method: 'GET', url },
  position: at(2, lane),
});

export const parallelJoin: WorkflowTemplate = {
  id: 'parallel-join',
  name: 'Fan out and join',
  description: 'Calls three services at the same time, waits for all of them, and returns their answers together.',
  definition: {
    nodes: [
      { id: 'start', type: 'trigger.manual', name: 'Start', position: at(0, 1) },
      { id: 'fanOut', type: 'flow.parallel', name: 'Fan out', position: at(1, 1) },
      call('uuid', 'Get an id', 'https://httpbin.org/uuid', 0),
      call('slow', 'Slow service (1 s)', 'https://httpbin.org/delay/1', 1),
      call('agent', 'Echo the user agent', 'https://httpbin.org/user-agent', 2),
      { id: 'join', type: 'flow.merge', name: 'Wait for all', config: { mode: 'wait-all' }, position: at(3, 1) },
      {
        id: 'out',
        type: 'flow.output',
        name: 'Combined answer',
        config: {
          value:
            '{{ { "id": nodes.uuid.output.body.uuid, "slowUrl": nodes.slow.output.body.url, "userAgent": nodes.agent.output.body."user-agent" } }}',
        },
        position: at(4, 1),
      },
    ],
    edges: [
      { source: 'start', target: 'fanOut' },
      { source: 'fanOut', target: 'uuid' },
      { source: 'fanOut', target: 'slow' },
      { source: 'fanOut', target: 'agent' },
      { source: 'uuid', target: 'join' },
      { source: 'slow', target: 'join' },
      { source: 'agent', target: 'join' },
      { source: 'join', target: 'out' },
    ],
  },
};
