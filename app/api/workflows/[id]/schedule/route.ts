import { withOrg } from '@/lib/api/handler';
import { getSchedule } from '@/lib/schedules/schedules';

// GET /api/workflows/:id/schedule — the schedule of the latest published version: its cron, time
// zone and policies, active or paused, the next 5 fire times and the recent actions with their runs;
// 409 no_schedule_trigger when that version has no schedule trigger
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params }) =>
  Response.json(await getSchedule(org, params.id)),
);
