import { withOrg } from '@/lib/api/handler';
import { setSchedulePaused } from '@/lib/schedules/schedules';

// POST /api/workflows/:id/schedule/resume — fire again at the next time the cron names
export const POST = withOrg<{ id: string }>('workflow:edit', async ({ org, params }) =>
  Response.json(await setSchedulePaused(org, params.id, false)),
);
