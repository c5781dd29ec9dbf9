import { z } from 'zod';
import { defineNode, NodeFailure } from '../define-node';
import { emittedEventId } from '../../events-bus/event-ids';
import { eventDepthOfRun } from '../../events-bus/event-depth';
import { EventDepthExceeded, EventPayloadTooLarge, publishEvent } from '../../events-bus/publish-event';
import { topicSchema } from '../../events-bus/topic';

export const eventEmit = defineNode({
  type: 'event.emit',
  kind: 'activity',
  category: 'action',
  label: 'Emit event',
  description: 'Publishes an event on a topic: every published workflow whose event trigger subscribes to it starts.',
  icon: 'send',
  config: z.object({
    topic: topicSchema('topic').describe('The topic to publish on, such as "invoice.approved"'),
    payload: z.unknown().optional().describe("The event's data, such as {{ nodes.extract.output }}"),
  }),
  output: z.object({
    eventId: z.string(),
    topic: z.string(),
    /** Workflows subscribed to the topic when it was published, before their filters. */
    subscribers: z.number(),
  }),
  async execute({ config, run, idempotencyKey }) {
    const depth = (await eventDepthOfRun(run.orgId, run.runId)) + 1;
    try {
      const event = await publishEvent(run.orgId, {
        topic: config.topic,
        payload: config.payload ?? null,
        source: { type: 'run', runId: run.runId, nodeId: run.nodeId },
        // The same on every attempt of this step: a retry finds the event the first one stored.
        eventId: emittedEventId(run.orgId, idempotencyKey),
        depth,
      });
      return { eventId: event.eventId, topic: event.topic, subscribers: event.subscribers };
    } catch (error) {
      // Neither changes on a retry.
      if (error instanceof EventDepthExceeded || error instanceof EventPayloadTooLarge) {
        throw new NodeFailure(error.message, { type: error.name, nonRetryable: true });
      }
      throw error;
    }
  },
});
