import { withOrg } from '@/lib/api/handler';
import { requestBaseUrl } from '@/lib/auth/request-origin';
import { startListening, stopListening, testWebhookState } from '@/lib/webhooks/test-listener';

// GET /api/workflows/:id/webhook/test — the workflow's test URL, whether it listens, and the last call it took
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params, req }) =>
  Response.json(await testWebhookState(org, params.id, requestBaseUrl(req.headers))),
);

// POST /api/workflows/:id/webhook/test — listen for one test call, for 2 minutes: it runs the draft
export const POST = withOrg<{ id: string }>('workflow:edit', async ({ org, params, req }) =>
  Response.json(await startListening(org, params.id, requestBaseUrl(req.headers))),
);

// DELETE /api/workflows/:id/webhook/test — stop listening
export const DELETE = withOrg<{ id: string }>('workflow:edit', async ({ org, params, req }) =>
  Response.json(await stopListening(org, params.id, requestBaseUrl(req.headers))),
);
