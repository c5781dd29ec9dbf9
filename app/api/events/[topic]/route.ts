import { readJson, withOrg } from '@/lib/api/handler';
import { publishApiEvent } from '@/lib/events-bus/api-events';
import { publishEventRequest } from '@/lib/events-bus/schemas';

// POST /api/events/:topic — publish an event whose payload is the JSON body: every published
// workflow subscribed to the topic starts with it. A repeat with the same Idempotency-Key
// publishes nothing new and is answered with the same event.
export const POST = withOrg<{ topic: string }>('event:publish', async ({ org, params, req }) => {
  const request = publishEventRequest.parse({
    topic: params.topic,
    'Idempotency-Key': req.headers.get('idempotency-key') ?? undefined,
  });
  const payload = await readJson(req);
  const event = await publishApiEvent(org, request.topic, payload, request['Idempotency-Key']);
  return Response.json(event, { status: 202 });
});
