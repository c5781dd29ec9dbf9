import { withOrg } from '@/lib/api/handler';
import { readRunPayload } from '@/lib/runs/payloads';

// GET /api/runs/:id/payloads/:payloadId — a value too large to keep inline (`{ $payloadRef }` in
// a step's input or output), as the JSON it was stored as
export const GET = withOrg<{ id: string; payloadId: string }>('run:read', async ({ org, params }) => {
  const data = await readRunPayload(org.orgId, params.id, params.payloadId);
  return new Response(Buffer.from(data), {
    headers: { 'content-type': 'application/json', 'cache-control': 'private, max-age=3600, immutable' },
  });
});
