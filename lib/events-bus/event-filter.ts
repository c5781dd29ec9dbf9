import { evaluateExpression, type ExpressionScope } from '../definition/expressions';
import type { BusEvent } from './event-schema';

export type FilterVerdict = { deliver: true } | { deliver: false; status: 'skipped' | 'failed'; reason: string };

/**
 * Whether a subscription's JSONata filter lets an event through. It sees the event as the run
 * would (`input`), through the evaluator every expression of the platform uses, with the same
 * step and depth bounds. Only `true` delivers: a filter that yields anything else skips the
 * event, and one that fails or runs past its bounds is a failed delivery, with the reason.
 */
export function evaluateEventFilter(
  filter: string | null,
  event: BusEvent,
  subscriber: { workflowId: string; nodeId: string },
): FilterVerdict {
  if (filter === null || filter.trim() === '') return { deliver: true };
  const scope: ExpressionScope = {
    input: event,
    nodes: {},
    vars: {},
    run: { id: '', workflowId: subscriber.workflowId, version: 0, startedAt: event.publishedAt },
  };
  let result: unknown;
  try {
    result = evaluateExpression(filter, scope, subscriber.nodeId, 'config.filter');
  } catch (error) {
    return { deliver: false, status: 'failed', reason: (error as Error).message };
  }
  if (result === true) return { deliver: true };
  const got = result === undefined ? 'nothing' : JSON.stringify(result).slice(0, 100);
  return { deliver: false, status: 'skipped', reason: `The filter gave ${got}, not true` };
}
