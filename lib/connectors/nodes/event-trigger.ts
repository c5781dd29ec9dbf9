import { z } from 'zod';
import { defineNode } from '../define-node';
import { busEventSchema, type BusEvent } from '../../events-bus/event-schema';
import { topicSchema } from '../../events-bus/topic';

export const eventTriggerConfig = z.object({
  topic: topicSchema('topic').describe('The topic whose events start this workflow, such as "invoice.received"'),
  filter: z
    .string({ error: 'filter must be a JSONata condition' })
    .optional()
    .describe(
      'A JSONata condition over the event (input.payload, input.source, input.topic); only events for which it is true start a run',
    ),
});

export type EventTriggerConfig = z.output<typeof eventTriggerConfig>;

export const eventTrigger = defineNode({
  type: 'trigger.event',
  kind: 'pure',
  category: 'trigger',
  label: 'Event',
  description: 'Starts the published version for each event published on a topic, optionally filtered.',
  icon: 'radio-tower',
  acceptsInput: false,
  config: eventTriggerConfig,
  // Compiled at publishing, so a filter that does not parse is refused there, naming config.filter.
  programFields: ['filter'],
  output: busEventSchema,
  execute: ({ scope }) => ({ output: scope.input as BusEvent }),
});
