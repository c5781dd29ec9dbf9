import { at, type WorkflowTemplate } from './template';

export const httpBranch: WorkflowTemplate = {
  id: 'http-branch',
  name: 'Fetch, reshape and branch',
  description: 'Calls an HTTP API, reshapes its answer with JSONata, then takes one of two branches on a condition.',
  definition: {
    nodes: [
      { id: 'start', type: 'trigger.manual', name: 'Start', position: at(0, 1) },
      {
        id: 'fetch',
        type: 'http.request',
        name: 'Fetch the document',
        config: { method: 'GET', url: 'https://httpbin.org/json' },
        settings: { retry: { maxAttempts: 3 }, timeoutMs: 10_000 },
        position: at(1, 1),
      },
      {
        id: 'summarize',
        type: 'data.transform',
        name: 'Summarize',
        config: {
          expression:
            '{ "title": nodes.fetch.output.body.slideshow.title, "slides": $count(nodes.fetch.output.body.slideshow.slides) }',
        },
        position: at(2, 1),
      },
      {
        id: 'long',
        type: 'logic.if',
        name: 'More than one slide?',
        config: { condition: '{{ nodes.summarize.output.slides > 1 }}' },
        position: at(3, 1),
      },
      {
        id: 'many',
        type: 'flow.output',
        name: 'Long deck',
        config: { value: '{{ nodes.summarize.output.title & " has " & nodes.summarize.output.slides & " slides" }}' },
        position: at(4, 0),
      },
      {
        id: 'few',
        type: 'flow.output',
        name: 'Short deck',
        config: { value: '{{ nodes.summarize.output.title & " is short" }}' },
        position: at(4, 2),
      },
    ],
    edges: [
      { source: 'start', target: 'fetch' },
      { source: 'fetch', target: 'summarize' },
      { source: 'summarize', target: 'long' },
      { source: 'long', sourceHandle: 'true', target: 'many' },
      { source: 'long', sourceHandle: 'false', target: 'few' },
    ],
  },
};
