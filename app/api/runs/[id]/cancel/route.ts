import { withOrg } from '@/lib/api/handler';
import { cancelRun } from '@/lib/runs/run-control';

// POST /api/runs/:id/cancel — cancel a running run (compensations run first)
export const POST = withOrg<{ id: string }>('run:cancel', async ({ org, params }) => {
  return Response.json(await cancelRun(org, params.id), { status: 202 });
});
