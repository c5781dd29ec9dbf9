import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, TemporalFailure } from '@temporalio/workflow';
import type { NodeErrorInfo } from '../../../lib/runs/run-contract';

/**
 * Turns whatever a node threw into the recorded error: message, type, details. Stacks stay out:
 * they show the worker's files, not the user's mistake.
 */
export function toErrorInfo(error: unknown): NodeErrorInfo {
  let cause: unknown = error;
  // Activity and child failures wrap the real error; report the node's own.
  while ((cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) && cause.cause)
    cause = cause.cause;
  if (cause instanceof ApplicationFailure) {
    return {
      message: cause.message,
      type: cause.type ?? 'Error',
      ...(cause.details?.length ? { details: cause.details[0] } : {}),
    };
  }
  if (cause instanceof TemporalFailure) return { message: cause.message, type: cause.name };
  if (cause instanceof Error) {
    const typed = cause as Error & { options?: { type?: string; details?: unknown } };
    return {
      message: cause.message,
      type: typed.options?.type ?? cause.name,
      ...(typed.options?.details === undefined ? {} : { details: typed.options.details }),
    };
  }
  return { message: String(cause), type: 'Error' };
}
