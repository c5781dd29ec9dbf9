import { readJson, withOrg } from '@/lib/api/handler';
import { readOrgRetention, retentionSchema, updateOrgRetention } from '@/lib/retention/retention-settings';

// GET /api/retention — how many days the org keeps ended runs and log lines
export const GET = withOrg('retention:manage', async ({ org }) => Response.json(await readOrgRetention(org.orgId)));

// PUT /api/retention — replace them with {runDays: 90, logDays: 30}
export const PUT = withOrg('retention:manage', async ({ org, req }) => {
  const retention = retentionSchema.parse(await readJson(req));
  return Response.json(await updateOrgRetention(org, retention));
});
