import { withOrg } from '@/lib/api/handler';
import { listEvents } from '@/lib/events-bus/api-events';
import { listEventsQuery } from '@/lib/events-bus/schemas';

// GET /api/events?topic=&limit=50 — the org's latest events, newest first, each with its
// deliveries: the run started for each subscribed workflow, or why none was
export const GET = withOrg('event:read', async ({ org, req }) => {
  const query = listEventsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listEvents(org, query));
});
