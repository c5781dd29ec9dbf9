import { withOrg } from '@/lib/api/handler';
import { dashboardFigures } from '@/lib/dashboard/dashboard';
import { dashboardQuery } from '@/lib/dashboard/range';

// GET /api/dashboard?range=1h|24h|7d|30d — the dashboard's figures for that range (default 24h)
export const GET = withOrg('run:read', async ({ org, req }) => {
  const { range } = dashboardQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await dashboardFigures(org, range));
});
