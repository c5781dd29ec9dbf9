import { withOrg } from '@/lib/api/handler';
import { dashboardFigures } from '@/lib/dashboard/dashboard';
import { dashboardQuery } from '@/lib/dashboard/range';
import { temporalHealth } from '@/lib/dashboard/temporal-health';

// GET /api/dashboard?range=1h|24h|7d|30d — the dashboard's figures for that range (default 24h),
// and the Temporal task queues' state now
export const GET = withOrg('run:read', async ({ org, req }) => {
  const { range } = dashboardQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const [figures, taskQueues] = await Promise.all([dashboardFigures(org, range), temporalHealth(org)]);
  return Response.json({ ...figures, taskQueues });
});
