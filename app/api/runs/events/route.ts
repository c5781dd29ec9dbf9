import { withOrg } from '@/lib/api/handler';
import { openOrgRunStream } from '@/lib/events/org-run-stream';

// GET /api/runs/events — status changes of the org's runs as Server-Sent Events, for run lists
export const GET = withOrg('run:read', async ({ org, req }) => openOrgRunStream(org, req.signal));
