import { readJson, withOrg } from '@/lib/api/handler';
import { alertRuleBody } from '@/lib/alerts/alert-rule-schema';
import { alertHistory, createAlertRule, listAlertRules } from '@/lib/alerts/alert-rules';

// GET /api/alerts — the org's alert rules and their latest firings and resolutions
export const GET = withOrg('alert:read', async ({ org }) =>
  Response.json({ rules: await listAlertRules(org), history: await alertHistory(org.orgId, { limit: 50 }) }),
);

// POST /api/alerts — add a rule; its webhook signing secret is in this answer only
export const POST = withOrg('alert:manage', async ({ org, req }) => {
  const body = alertRuleBody.parse(await readJson(req));
  return Response.json(await createAlertRule(org, body), { status: 201 });
});
