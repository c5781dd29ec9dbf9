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
  async run({ config, startChildRun }) {
    const child = await startChildRun({
      workflowId: config.workflowId,
      version: config.version,
      input: config.input ?? null,
      outlivesParent: !config.wait,
    });
    if (!config.wait) return { output: { runId: child.runId }, handles: ['out'] };
    const output = await child.result();
    return { output: { runId: child.runId, output }, handles: ['out'] };
  },
});
