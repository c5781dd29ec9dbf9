import { z } from 'zod';

export const createWorkflowInput = z.object({
  name: z.string().trim().min(1, 'Give the workflow a name').max(120, 'Keep the name under 120 characters'),
  description: z.string().trim().max(2000, 'Keep the description under 2000 characters').default(''),
});

export type CreateWorkflowInput = z.input<typeof createWorkflowInput>;
