import { readJson, withOrg } from '@/lib/api/handler';
import { readOrgAllowlist, updateAllowlistBody, updateOrgAllowlist } from '@/lib/outbound/org-allowlist';

// GET /api/outbound-allowlist — the private hosts and ranges this org's workflows may reach
export const GET = withOrg('network:read', async ({ org }) =>
  Response.json({ entries: await readOrgAllowlist(org.orgId) }),
);

// PUT /api/outbound-allowlist — replace the list with {entries: ["10.0.0.0/8", "*.corp.example", …]}
export const PUT = withOrg('network:manage', async ({ org, req }) => {
  const { entries } = updateAllowlistBody.parse(await readJson(req));
  return Response.json({ entries: await updateOrgAllowlist(org, entries) });
});
