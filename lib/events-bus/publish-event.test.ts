import { describe, expect, it } from 'vitest';
import {
  EventDepthExceeded,
  EventPayloadTooLarge,
  MAX_EVENT_DEPTH,
  MAX_EVENT_PAYLOAD_BYTES,
  publishEvent,
} from './publish-event';

const ORG = '0193a000-0000-7000-8000-000000000001';
const source = { type: 'run', runId: 'run-1', nodeId: 'emit' } as const;

// Each refusal comes before the database is asked, so these need no platform.
describe('publishEvent refuses before storing anything', () => {
  it('an event deeper than the limit', async () => {
    const publishing = publishEvent(ORG, { topic: 'loop', payload: {}, source, depth: MAX_EVENT_DEPTH + 1 });
    await expect(publishing).rejects.toThrow(EventDepthExceeded);
    await expect(publishing).rejects.toThrow(
      `An event on "loop" here would be ${MAX_EVENT_DEPTH + 1} event-started runs away from the event that began the chain, past the limit of ${MAX_EVENT_DEPTH}`,
    );
  });

  it('a payload larger than the API would take', async () => {
    const payload = { text: 'x'.repeat(MAX_EVENT_PAYLOAD_BYTES) };
    const publishing = publishEvent(ORG, { topic: 'big', payload, source });
    await expect(publishing).rejects.toThrow(EventPayloadTooLarge);
    await expect(publishing).rejects.toThrow(
      `The payload of an event on "big" is ${MAX_EVENT_PAYLOAD_BYTES + 11} bytes as JSON, more than ${MAX_EVENT_PAYLOAD_BYTES}`,
    );
  });

  it('a topic that is not one', async () => {
    await expect(publishEvent(ORG, { topic: 'Not/A/Topic', payload: {}, source })).rejects.toThrow(
      /topic must be 1 to 100 characters/,
    );
  });
});
