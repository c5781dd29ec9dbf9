import { z } from 'zod';
import { defineNode } from '../define-node';

export const subWorkflow = defineNode({
  type: 'flow.subWorkflow',
  kind: 'control',
  category: 'flow',
  label: 'Sub-workflow',
  description: 'Runs a published version of another workflow as a child; waits for its output or not.',
  icon: 'workflow',
  config: z.object({
    workflowId: z.uuid({ error: 'workflowId must be a workflow id' }),
    version: z.number().int().min(1).optional(),
    input: z.unknown().optional(),
    wait: z.boolean().default(true),
  }),
  output: z.object({ runId: z.string(), output: z.unknown().optional() }),
});
