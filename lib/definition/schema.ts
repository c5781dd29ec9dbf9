import { z } from 'zod';

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'Use letters, digits, "_" or "-", starting with a letter or "_" (max 64)');

export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(100).default(3),
  initialIntervalMs: z.number().int().min(1).default(1_000),
  backoffCoefficient: z.number().min(1).max(10).default(2),
  maxIntervalMs: z.number().int().min(1).optional(),
  nonRetryableErrorTypes: z.array(z.string()).default([]),
});

export const nodeSettingsSchema = z.object({
  retry: retryPolicySchema.optional(),
  /** Limit for one attempt of an activity node. */
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  taskQueue: z.string().min(1).optional(),
  /**
   * How an activity node runs: `local` inside the run's own workflow task on the worker that runs
   * the workflow (no Temporal round trip, no heartbeat), `regular` as an activity task any worker
   * of its queue may take. Unset: local when no `taskQueue` is set and `timeoutMs` is unset or at
   * most 60 s (temporal/workflows/interpreter/activity-node.ts).
   */
  activityMode: z.enum(['local', 'regular']).optional(),
  /** fail: the run fails; continue: the error becomes the output; error-branch: the `error` handle is taken. */
  onError: z.enum(['fail', 'continue', 'error-branch']).default('fail'),
  /** A node run, in reverse order, to undo this node's effect when the run fails or is cancelled. */
  compensation: identifier.optional(),
});

export const definitionNodeSchema = z.object({
  id: identifier,
  type: z.string().min(1),
  typeVersion: z.number().int().min(1).default(1),
  name: z.string().max(200).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  settings: nodeSettingsSchema.default({ onError: 'fail' }),
});

export const definitionEdgeSchema = z.object({
  id: z.string().min(1).optional(),
  source: identifier,
  /** Which output of the source: `out`, `true`/`false`, a switch case, `error`, … */
  sourceHandle: z.string().min(1).default('out'),
  target: identifier,
});

export const workflowSettingsSchema = z.object({
  timeoutMs: z.number().int().min(1).optional(),
  concurrencyLimit: z.number().int().min(1).max(10_000).optional(),
  errorWorkflowId: z.uuid().optional(),
});

export const workflowDefinitionSchema = z.object({
  nodes: z.array(definitionNodeSchema).min(1, 'A workflow needs at least one node'),
  edges: z.array(definitionEdgeSchema).default([]),
  settings: workflowSettingsSchema.default({}),
});

export type RetryPolicy = z.infer<typeof retryPolicySchema>;
export type NodeSettings = z.infer<typeof nodeSettingsSchema>;
export type DefinitionNode = z.infer<typeof definitionNodeSchema>;
export type DefinitionEdge = z.infer<typeof definitionEdgeSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
