import { runLogLineSchema, runSnapshotSchema, runStateSchema, runStepSchema } from '@/lib/events/run-stream-schema';
import type { RunStreamEvent } from './run-stream-state';

// Loaded apart from the run page (use-run-stream.ts imports it when the stream opens): zod is
// 115 KB of script the page's first paint does not need.
const schemas = { snapshot: runSnapshotSchema, step: runStepSchema, log: runLogLineSchema, run: runStateSchema };

/** One received event, checked against its schema; null for an event this page does not read. */
export function parseRunEvent(event: string, data: string): RunStreamEvent | null {
  if (!(event in schemas)) return null;
  const parsed = schemas[event as keyof typeof schemas].safeParse(JSON.parse(data));
  return parsed.success ? ({ event, data: parsed.data } as RunStreamEvent) : null;
}
