import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure, TemporalFailure } from '@temporalio/workflow';
import type { NodeErrorInfo } from '../../../lib/runs/run-contract';

/** Turns whatever a node threw into the recorded error: message, type, stack, details. */
export function toErrorInfo(error: unknown): NodeErrorInfo {
  let cause: unknown = error;
  // Activity and child failures wrap the real error; report the node's own.
  while ((cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) && cause.cause)
    cause = cause.cause;
  if (cause instanceof ApplicationFailure) {
    return {
      message: cause.message,
      type: cause.type ?? 'Error',
      stack: cause.stack,
      ...(cause.details?.length ? { details: cause.details[0] } : {}),
    };
  }
  if (cause instanceof TemporalFailure) return { message: cause.message, type: cause.name, stack: cause.stack };
  if (cause instanceof Error) {
    const typed = cause as Error & { options?: { type?: string; details?: unknown } };
    return {
      message: cause.message,
      type: typed.options?.type ?? cause.name,
      stack: cause.stack,
      ...(typed.options?.details === undefined ? {} : { details: typed.options.details }),
    };
  }
  return { message: String(cause), type: 'Error' };
}
