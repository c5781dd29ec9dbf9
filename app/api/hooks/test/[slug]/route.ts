import { receiveTestWebhookCall } from '@/lib/webhooks/receive-test-call';

// GET, POST, PUT /api/hooks/test/:slug — a workflow's test URL: takes one call while its editor
// listens and runs the draft with the request as input, with the trigger's own auth, never a
// session or an API key; 404 when it is not listening (lib/webhooks/receive-test-call.ts)
const receive = async (req: Request, route: { params: Promise<{ slug: string }> }) =>
  receiveTestWebhookCall(req, (await route.params).slug);

export const GET = receive;
export const POST = receive;
export const PUT = receive;
