import { withOrg } from '@/lib/api/handler';
import { getRunJson } from '@/lib/runs/run-details';

// GET /api/runs/:id — status, timings, output, error and per-node status
export const GET = withOrg<{ id: string }>('run:read', async ({ org, params }) => {
  return new Response(await getRunJson(org, params.id), { headers: { 'content-type': 'application/json' } });
});
