import { z } from 'zod';
import { defineNode, NodeFailure } from '../define-node';

export const stopAndError = defineNode({
  type: 'flow.stopAndError',
  kind: 'pure',
  category: 'flow',
  label: 'Stop and error',
  description: 'Fails the run with a message of your choosing.',
  icon: 'octagon-x',
  outputs: [],
  config: z.object({
    message: z.string().min(1, 'Say why the run stops'),
    code: z.string().default('StoppedByWorkflow'),
  }),
  output: z.never(),
  execute({ config }) {
    throw new NodeFailure(config.message, { type: config.code, nonRetryable: true });
  },
});
