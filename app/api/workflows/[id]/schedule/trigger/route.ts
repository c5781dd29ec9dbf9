import { withOrg } from '@/lib/api/handler';
import { triggerSchedule } from '@/lib/schedules/schedules';

// POST /api/workflows/:id/schedule/trigger — take the schedule's action now (even while paused),
// under its overlap policy: 202 { runId } of the run it starts, 409 schedule_skipped when skipped
export const POST = withOrg<{ id: string }>('run:start', async ({ org, params }) =>
  Response.json(await triggerSchedule(org, params.id), { status: 202 }),
);
