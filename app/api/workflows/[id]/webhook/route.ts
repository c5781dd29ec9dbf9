import { readJson, withOrg } from '@/lib/api/handler';
import { requestBaseUrl } from '@/lib/auth/request-origin';
import { getWebhook, saveWebhook } from '@/lib/webhooks/endpoints';
import { webhookUpdateBody } from '@/lib/webhooks/schemas';

// GET /api/workflows/:id/webhook — the workflow's webhook: its URL, whether it is enabled, which
// kind of secret is set, and what the published trigger asks of a call; 404 until created
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params, req }) =>
  Response.json(await getWebhook(org, params.id, requestBaseUrl(req.headers))),
);

// POST /api/workflows/:id/webhook — create the webhook or change it: { enabled?, rotateSecret? };
// a new secret is in this answer only
export const POST = withOrg<{ id: string }>('workflow:edit', async ({ org, params, req }) => {
  const body = webhookUpdateBody.parse(await readJson(req));
  return Response.json(await saveWebhook(org, params.id, body, requestBaseUrl(req.headers)));
});
