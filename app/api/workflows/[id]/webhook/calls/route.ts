import { withOrg } from '@/lib/api/handler';
import { listWebhookCalls } from '@/lib/webhooks/endpoints';
import { webhookCallsQuery } from '@/lib/webhooks/schemas';

// GET /api/workflows/:id/webhook/calls?limit=50 — the webhook's latest calls, newest first: each
// with its method, the status answered, the error code of a refusal and the run it started
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params, req }) => {
  const query = webhookCallsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listWebhookCalls(org, params.id, query.limit));
});
