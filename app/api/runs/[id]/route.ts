import { withOrg } from '@/lib/api/handler';
import { getRun } from '@/lib/runs/run-details';

// GET /api/runs/:id — status, timings, output, error and per-node status
export const GET = withOrg<{ id: string }>('run:read', async ({ org, params }) => {
  return Response.json(await getRun(org, params.id));
});
