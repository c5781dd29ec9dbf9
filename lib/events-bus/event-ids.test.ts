import { describe, expect, it } from 'vitest';
import { isUuid } from '../db/ids';
import { apiEventId, emittedEventId, eventRunId, fanOutWorkflowId } from './event-ids';

const ORG = '0193a000-0000-7000-8000-000000000001';
const OTHER_ORG = '0193a000-0000-7000-8000-000000000002';

describe('event bus ids', () => {
  it('derives the same UUID from the same idempotency key, and another from another key or org', () => {
    const id = apiEventId(ORG, 'order-42');
    expect(isUuid(id)).toBe(true);
    expect(apiEventId(ORG, 'order-42')).toBe(id);
    expect(apiEventId(ORG, 'order-43')).not.toBe(id);
    expect(apiEventId(OTHER_ORG, 'order-42')).not.toBe(id);
  });

  it('never gives an API key and an emitting step the same event', () => {
    expect(emittedEventId(ORG, 'run-1:emit')).toBe(emittedEventId(ORG, 'run-1:emit'));
    expect(emittedEventId(ORG, 'run-1:emit')).not.toBe(apiEventId(ORG, 'run-1:emit'));
    expect(emittedEventId(ORG, 'run-1:emit:1')).not.toBe(emittedEventId(ORG, 'run-1:emit:2'));
  });

  it("names one run per event and workflow, and the fan-out by the event's id", () => {
    const eventId = apiEventId(ORG, 'k');
    const run = eventRunId(eventId, 'wf-a');
    expect(isUuid(run)).toBe(true);
    expect(eventRunId(eventId, 'wf-a')).toBe(run);
    expect(eventRunId(eventId, 'wf-b')).not.toBe(run);
    expect(fanOutWorkflowId(eventId)).toBe(`event-${eventId}`);
  });
});
