import { readJson, withOrg } from '@/lib/api/handler';
import { readOrgSlo, sloSchema, updateOrgSlo } from '@/lib/dashboard/slo';

// GET /api/dashboard/slo — the org's run-success objective and its window
export const GET = withOrg('run:read', async ({ org }) => Response.json(await readOrgSlo(org.orgId)));

// PUT /api/dashboard/slo — replace it with {objectivePercent: 99.9, windowDays: 30}
export const PUT = withOrg('slo:manage', async ({ org, req }) => {
  const slo = sloSchema.parse(await readJson(req));
  return Response.json(await updateOrgSlo(org, slo));
});
