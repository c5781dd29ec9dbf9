import { z } from 'zod';
import { topicSchema } from './topic';

/** What POST /api/events/:topic takes besides its body: the topic in the path and an optional key. */
export const publishEventRequest = z.object({
  topic: topicSchema('topic'),
  'Idempotency-Key': z
    .string()
    .min(1, 'Idempotency-Key must not be empty')
    .max(200, 'Idempotency-Key may be at most 200 characters')
    .optional(),
});

export const listEventsQuery = z.object({
  topic: topicSchema('topic').optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(200, 'limit may be at most 200')
    .default(50),
});

export type ListEventsQuery = z.output<typeof listEventsQuery>;
