import { z } from 'zod';

export const startRunBody = z.object({
  input: z.unknown().optional(),
  version: z.number().int().min(1).optional(),
});

export const runStatusSchema = z.enum(['QUEUED', 'RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);

export const listRunsQuery = z.object({
  workflowId: z.uuid().optional(),
  status: z
    .string()
    .transform((value) => value.split(',').map((status) => status.trim().toUpperCase()))
    .pipe(z.array(runStatusSchema))
    .optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

export const approvalBody = z.object({
  decision: z.enum(['approved', 'rejected'], { error: 'decision must be "approved" or "rejected"' }),
  comment: z.string().max(5000).optional(),
});

export const rerunBody = z.object({
  from: z.union([z.literal('start'), z.literal('failed'), z.string().min(1)]).default('start'),
  version: z.enum(['same', 'latest']).default('same'),
});

export type StartRunBody = z.infer<typeof startRunBody>;
export type ListRunsQuery = z.infer<typeof listRunsQuery>;
