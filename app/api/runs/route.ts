import { withOrg } from '@/lib/api/handler';
import { listRuns } from '@/lib/runs/run-details';
import { listRunsQuery } from '@/lib/runs/schemas';

// GET /api/runs?workflowId=&status=&from=&to=&limit=&cursor= — runs newest first
export const GET = withOrg('run:read', async ({ org, req }) => {
  const query = listRunsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listRuns(org, query));
});
