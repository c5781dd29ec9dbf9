import { withOrg } from '@/lib/api/handler';
import { setSchedulePaused } from '@/lib/schedules/schedules';

// POST /api/workflows/:id/schedule/pause — stop firing until resumed; a publish keeps it paused
export const POST = withOrg<{ id: string }>('workflow:edit', async ({ org, params }) =>
  Response.json(await setSchedulePaused(org, params.id, true)),
);
