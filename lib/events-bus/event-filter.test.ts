import { describe, expect, it } from 'vitest';
import { EXPRESSION_LIMITS } from '../definition/expression-budget';
import type { BusEvent } from './event-schema';
import { evaluateEventFilter } from './event-filter';

const event: BusEvent = {
  eventId: 'e1',
  topic: 'invoice.received',
  payload: { total: 250, vendor: 'ACME' },
  publishedAt: '2026-11-30T12:00:00.000Z',
  source: { type: 'api', actor: { type: 'USER', id: 'u1', label: 'ann@example.com' } },
};
const subscriber = { workflowId: 'wf', nodeId: 'on-invoice' };

describe('evaluateEventFilter', () => {
  it('delivers every event without a filter', () => {
    expect(evaluateEventFilter(null, event, subscriber)).toEqual({ deliver: true });
    expect(evaluateEventFilter('  ', event, subscriber)).toEqual({ deliver: true });
  });

  it('delivers only when the filter over the event (as input) is true', () => {
    expect(evaluateEventFilter('input.payload.total > 100', event, subscriber)).toEqual({ deliver: true });
    expect(evaluateEventFilter('input.source.type = "api"', event, subscriber)).toEqual({ deliver: true });
    expect(evaluateEventFilter('input.payload.total > 1000', event, subscriber)).toEqual({
      deliver: false,
      status: 'skipped',
      reason: 'The filter gave false, not true',
    });
    expect(evaluateEventFilter('input.payload.vendor', event, subscriber)).toEqual({
      deliver: false,
      status: 'skipped',
      reason: 'The filter gave "ACME", not true',
    });
    expect(evaluateEventFilter('input.payload.missing', event, subscriber)).toEqual({
      deliver: false,
      status: 'skipped',
      reason: 'The filter gave nothing, not true',
    });
  });

  it('fails the delivery, with the reason, for a filter that does not parse or runs past the bounds', () => {
    const broken = evaluateEventFilter('input.payload.total >', event, subscriber);
    expect(broken).toMatchObject({ deliver: false, status: 'failed' });
    expect(broken.deliver === false && broken.reason).toMatch(/^Node "on-invoice", config\.filter: expression/);
    const endless = evaluateEventFilter('($f := function($n) { $f($n + 1) }; $f(0))', event, subscriber);
    expect(endless).toMatchObject({ deliver: false, status: 'failed' });
    expect(endless.deliver === false && endless.reason).toContain(
      `took more than ${EXPRESSION_LIMITS.steps} evaluation steps`,
    );
  });
});
