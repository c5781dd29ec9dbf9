import { readJson, withOrg } from '@/lib/api/handler';
import { createApiKey, createApiKeyBody, listApiKeys } from '@/lib/auth/api-keys';

// GET /api/api-keys — the org's keys (never the keys themselves)
export const GET = withOrg('apikey:manage', async ({ org }) => Response.json({ items: await listApiKeys(org) }));

// POST /api/api-keys — create a key {name, role, expiresAt?}; the key is shown only in this response
export const POST = withOrg('apikey:manage', async ({ org, req }) => {
  return Response.json(await createApiKey(org, createApiKeyBody.parse(await readJson(req))), { status: 201 });
});
