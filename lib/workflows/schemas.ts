import { z } from 'zod';
import { listCursor } from './list-cursor';
import { findTemplate } from './templates';

export const workflowName = z
  .string()
  .trim()
  .min(1, 'Give the workflow a name')
  .max(120, 'Keep the name under 120 characters');
export const workflowDescription = z.string().trim().max(2000, 'Keep the description under 2000 characters');

export const createWorkflowInput = z.object({
  name: workflowName,
  description: workflowDescription.default(''),
  /** Start the draft from this template (lib/workflows/templates) instead of an empty canvas. */
  templateId: z
    .string()
    .refine((id) => findTemplate(id) !== undefined, {
      error: (issue) => `There is no template "${String(issue.input)}": GET /api/workflow-templates lists them`,
    })
    .optional(),
});

// No defaults here: a field left out of a PATCH keeps its value.
export const updateWorkflowInput = z.object({
  name: workflowName.optional(),
  description: workflowDescription.optional(),
});

export const listWorkflowsQuery = z.object({
  limit: z.coerce
    .number({ error: 'Must be a number' })
    .int('Must be a whole number')
    .min(1, 'Must be at least 1')
    .max(200, 'Must be at most 200')
    .default(50),
  cursor: listCursor.optional(),
});

export const publishVersionInput = z.object({
  // Left open here: validateDefinition reports every problem of a definition at once. Without
  // one, the current draft is published.
  definition: z.unknown().optional(),
  message: z.string().trim().max(500, 'Keep the message under 500 characters').default(''),
});

/** A version number in a URL, or `latest`. */
export const versionRef = z.union([
  z.literal('latest'),
  z
    .string()
    .regex(/^[1-9]\d{0,8}$/)
    .transform(Number),
]);

export type CreateWorkflowInput = z.input<typeof createWorkflowInput>;
export type WorkflowChanges = z.output<typeof updateWorkflowInput>;
export type WorkflowListQuery = z.output<typeof listWorkflowsQuery>;
