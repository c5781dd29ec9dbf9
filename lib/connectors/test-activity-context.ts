import type { z } from 'zod';
import type { ActivityContext, ActivityNodeType, NodeLogEntry } from './define-node';
import { outboundFetch } from '../outbound/outbound-fetch';
import { resolveGuarded } from '../outbound/guarded-lookup';
import { outboundPolicy, type OutboundPolicy } from '../outbound/policy';

// Node tests talk to servers on this machine, which the default policy blocks.
const loopbackAllowed: OutboundPolicy = { ...outboundPolicy(), allowLoopback: true };

/** An activity context for testing one node outside Temporal: config parsed by the node, logs collected. */
export function testActivityContext<C extends z.ZodType>(
  node: ActivityNodeType<C>,
  config: unknown,
  options: {
    nodeId?: string;
    attempt?: number;
    signal?: AbortSignal;
    outbound?: OutboundPolicy;
    /** What a previous attempt heartbeated. */
    heartbeatDetails?: unknown;
  } = {},
): { context: Omit<ActivityContext<z.output<C>>, 'addSecret'>; logs: NodeLogEntry[]; heartbeats: unknown[] } {
  const nodeId = options.nodeId ?? 'node-1';
  const logs: NodeLogEntry[] = [];
  const heartbeats: unknown[] = [];
  const policy = options.outbound ?? loopbackAllowed;
  const context = {
    config: node.config.parse(config),
    run: { runId: 'run-1', orgId: 'org-1', nodeId, attempt: options.attempt ?? 1 },
    idempotencyKey: `run-1:${nodeId}`,
    log: (entry: NodeLogEntry) => void logs.push(entry),
    signal: options.signal ?? new AbortController().signal,
    guardedFetch: (url: string, request = {}) => outboundFetch(url, request, policy),
    resolveHost: (host: string) => resolveGuarded(policy, host),
    heartbeat: (details: unknown) => void heartbeats.push(details),
    heartbeatDetails: options.heartbeatDetails,
  };
  return { context, logs, heartbeats };
}
