import { receiveWebhookCall } from '@/lib/webhooks/receive-call';

// GET, POST, PUT /api/hooks/:slug — a workflow's webhook: public, authenticated by the trigger's
// own auth (none, a bearer secret or an HMAC signature), never by a session or an API key. Starts
// the latest published version with the request as input: 202 { runId }, or, in the trigger's
// waiting response modes, the run's or a chosen node's output (lib/webhooks/receive-call.ts)
const receive = async (req: Request, route: { params: Promise<{ slug: string }> }) =>
  receiveWebhookCall(req, (await route.params).slug);

export const GET = receive;
export const POST = receive;
export const PUT = receive;
