import { z } from 'zod';

/** POST /api/workflows/:id/webhook: what to change; an empty body creates the endpoint or leaves it as it is. */
export const webhookUpdateBody = z.strictObject({
  enabled: z.boolean({ error: 'enabled must be true or false' }).optional(),
  rotateSecret: z.boolean({ error: 'rotateSecret must be true or false' }).optional(),
});

export type WebhookUpdate = z.output<typeof webhookUpdateBody>;

export const webhookCallsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
