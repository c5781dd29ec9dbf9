import { readJson, withOrg } from '@/lib/api/handler';
import { getCredentialMetadata, listCredentials, storeCredential } from '@/lib/vault/credentials';
import { createCredentialBody } from '@/lib/vault/schemas';

// GET /api/credentials — the org's credentials, metadata only (values never leave the server)
export const GET = withOrg('credential:read', async ({ org }) =>
  Response.json({ items: await listCredentials(org.orgId) }),
);

// POST /api/credentials — store {name, type, value} encrypted
export const POST = withOrg('credential:manage', async ({ org, req }) => {
  const body = createCredentialBody.parse(await readJson(req));
  const id = await storeCredential(org, body);
  return Response.json(await getCredentialMetadata(org.orgId, id), { status: 201 });
});
