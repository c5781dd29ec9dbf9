import { z } from 'zod';
import { runStatusSchema } from '../runs/schemas';

// The data of the live run stream's events (GET /api/runs/:id/events) as a browser reads them:
// times are ISO strings. The stream sends more than is listed here (the snapshot's per-node
// summary, for the editor); what is listed is what the run page relies on.

/** A line of the run log: a code node's console output, a node's own log line. */
export const runLogLineSchema = z.object({
  /** Its change number (the event id it was sent under); 0 for lines written before numbering. */
  seq: z.number().int(),
  nodeId: z.string().nullable(),
  attempt: z.number().int().nullable(),
  level: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
  message: z.string(),
  data: z.unknown(),
  ts: z.string(),
});

/** One attempt of one node (in one loop pass), at its latest state. */
export const runStepSchema = z.object({
  nodeId: z.string(),
  iteration: z.number().int(),
  attempt: z.number().int(),
  status: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  handles: z.array(z.string()),
  error: z.unknown(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

export const runStateSchema = z.object({
  id: z.string(),
  status: runStatusSchema,
  error: z.unknown(),
  output: z.unknown(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});

export const runSnapshotSchema = z.object({
  run: runStateSchema,
  steps: z.array(runStepSchema),
  /** The newest lines only, for a run with very many; `logsOmitted` counts the older ones. */
  logs: z.array(runLogLineSchema),
  logsOmitted: z.number().int(),
});

/** A node or run error as recorded: a code node's stack is in `details.stack`. */
export const nodeErrorSchema = z.object({
  message: z.string(),
  type: z.string(),
  nodeId: z.string().optional(),
  details: z.unknown().optional(),
});

export type RunLogLine = z.infer<typeof runLogLineSchema>;
export type RunStepData = z.infer<typeof runStepSchema>;
export type RunStateData = z.infer<typeof runStateSchema>;
export type RunSnapshotData = z.infer<typeof runSnapshotSchema>;
export type NodeErrorData = z.infer<typeof nodeErrorSchema>;

/** An event of the org's runs stream (GET /api/runs/events): a run's status changed. */
export const orgRunEventSchema = z.object({
  runId: z.string(),
  status: runStatusSchema,
});

export type OrgRunEventData = z.infer<typeof orgRunEventSchema>;
