import { readJson, withOrg } from '@/lib/api/handler';
import { alertRuleBody } from '@/lib/alerts/alert-rule-schema';
import { deleteAlertRule, getAlertRule, updateAlertRule } from '@/lib/alerts/alert-rules';

// GET /api/alerts/:id — a rule with its firing history, newest first
export const GET = withOrg<{ id: string }>('alert:read', async ({ org, params }) =>
  Response.json(await getAlertRule(org, params.id)),
);

// PUT /api/alerts/:id — replace a rule's settings (its secret stays)
export const PUT = withOrg<{ id: string }>('alert:manage', async ({ org, params, req }) => {
  const body = alertRuleBody.parse(await readJson(req));
  return Response.json(await updateAlertRule(org, params.id, body));
});

// DELETE /api/alerts/:id — remove a rule and its history
export const DELETE = withOrg<{ id: string }>('alert:manage', async ({ org, params }) => {
  await deleteAlertRule(org, params.id);
  return new Response(null, { status: 204 });
});
