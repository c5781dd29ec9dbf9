import type { NodeErrorData } from '@/lib/events/run-stream-schema';

/**
 * A recorded node or run error as `nodeErrorSchema` reads it, or null when the value is not one.
 * Checked by hand, not with the schema: the run page's first load leaves zod (115 KB of script)
 * to the live stream's parser, which is loaded apart. node-error-data.test.ts holds the two to
 * the same answers.
 */
export function readNodeError(value: unknown): NodeErrorData | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { message, type, nodeId, details } = value as Record<string, unknown>;
  if (typeof message !== 'string' || typeof type !== 'string') return null;
  if (nodeId !== undefined && typeof nodeId !== 'string') return null;
  return {
    message,
    type,
    ...(nodeId === undefined ? {} : { nodeId }),
    ...('details' in value ? { details } : {}),
  };
}
