import { z } from 'zod';
import { defineNode } from '../define-node';

export const approval = defineNode({
  type: 'human.approval',
  kind: 'control',
  category: 'human',
  label: 'Human approval',
  description: 'Pauses until someone approves or rejects; optionally takes `timeout` after a while.',
  icon: 'user-check',
  outputs: ['approved', 'rejected', 'timeout'],
  config: z.object({
    message: z.string().default(''),
    approvers: z
      .array(z.string())
      .default([])
      .describe(
        'Who may decide: emails or user ids, or role:admin for admins and owners. Empty: anyone who may approve runs.',
      ),
    timeoutMs: z.number().int().min(1).optional(),
  }),
  output: z.object({
    decision: z.enum(['approved', 'rejected', 'timeout']),
    approver: z.string().optional(),
    comment: z.string().optional(),
    decidedAt: z.string(),
  }),
  async run({ config, waitForDecision }) {
    const outcome = await waitForDecision(config);
    if (!outcome)
      return { output: { decision: 'timeout' as const, decidedAt: new Date().toISOString() }, handles: ['timeout'] };
    const { decision, approver, comment, decidedAt } = outcome;
    return { output: { decision, approver, comment, decidedAt }, handles: [decision] };
  },
});
