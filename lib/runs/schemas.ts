import { z } from 'zod';

export const startRunBody = z
  .object({
    input: z.unknown().optional(),
    version: z.number().int().min(1).optional(),
    /** Runs the live draft, validated as publishing would, instead of a published version. */
    draft: z.boolean({ error: 'draft must be true or false' }).optional(),
  })
  .refine((body) => !(body.draft && body.version !== undefined), {
    path: ['version'],
    message: 'cannot be given with draft: true (the draft has no version)',
  });

export const runStatusSchema = z.enum(['QUEUED', 'RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);

export const runTriggerSchema = z.enum(['MANUAL', 'API', 'SCHEDULE', 'WEBHOOK', 'RERUN', 'SUBWORKFLOW', 'EVENT']);

/**
 * A comma-separated list of enum values in a query string, in any case: `failed,waiting`. A
 * value outside the enum is reported on the parameter itself, naming the value.
 */
const commaList = <T extends string>(values: readonly T[]) =>
  z.string().transform((value, ctx) => {
    const entries = value.split(',').map((entry) => entry.trim().toUpperCase());
    const unknown = entries.find((entry) => !(values as readonly string[]).includes(entry));
    if (unknown === undefined) return entries as T[];
    ctx.addIssue({
      code: 'custom',
      message: `"${unknown.toLowerCase()}" is not one of ${values.map((v) => v.toLowerCase()).join(', ')}`,
    });
    return z.NEVER;
  });

export const listRunsQuery = z.object({
  workflowId: z.uuid().optional(),
  status: commaList(runStatusSchema.options).optional(),
  trigger: commaList(runTriggerSchema.options).optional(),
  /** Runs whose id starts with this (ids are what the runs list and run pages show). */
  q: z.string().trim().min(1).max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});

/** The runs page's time-range presets, as `?range=`. */
export const RUN_RANGES = { '1h': 3_600_000, '24h': 86_400_000, '7d': 604_800_000, '30d': 2_592_000_000 } as const;

/** The runs page's URL: the API's filters, plus a time-range preset. */
export const runsPageQuery = listRunsQuery.extend({
  range: z.enum(Object.keys(RUN_RANGES) as [keyof typeof RUN_RANGES]).optional(),
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
export type RunsPageQuery = z.infer<typeof runsPageQuery>;
