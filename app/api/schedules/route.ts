import { withOrg } from '@/lib/api/handler';
import { listSchedules } from '@/lib/schedules/schedules';

// GET /api/schedules — the org's schedules, by workflow name, each as GET /api/workflows/:id/schedule shows it
export const GET = withOrg('workflow:read', async ({ org }) => Response.json(await listSchedules(org)));
