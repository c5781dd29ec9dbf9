import type { z } from 'zod';
import type { ActivityContext, ActivityNodeType, NodeLogEntry } from './define-node';

/** An activity context for testing one node outside Temporal: config parsed by the node, logs collected. */
export function testActivityContext<C extends z.ZodType>(
  node: ActivityNodeType<C>,
  config: unknown,
  options: { nodeId?: string; attempt?: number; signal?: AbortSignal } = {},
): { context: ActivityContext<z.output<C>>; logs: NodeLogEntry[] } {
  const nodeId = options.nodeId ?? 'node-1';
  const logs: NodeLogEntry[] = [];
  const context = {
    config: node.config.parse(config),
    run: { runId: 'run-1', orgId: 'org-1', nodeId, attempt: options.attempt ?? 1 },
    idempotencyKey: `run-1:${nodeId}`,
    log: (entry: NodeLogEntry) => void logs.push(entry),
    signal: options.signal ?? new AbortController().signal,
  };
  return { context, logs };
}
