import { readJson, withOrg } from '@/lib/api/handler';
import { deleteCredential, getCredentialMetadata, updateCredential } from '@/lib/vault/credentials';
import { updateCredentialBody } from '@/lib/vault/schemas';

// GET /api/credentials/:id — one credential's metadata
export const GET = withOrg<{ id: string }>('credential:read', async ({ org, params }) =>
  Response.json(await getCredentialMetadata(org.orgId, params.id)),
);

// PATCH /api/credentials/:id — rename and/or replace the value (write-only)
export const PATCH = withOrg<{ id: string }>('credential:manage', async ({ org, params, req }) => {
  const changes = updateCredentialBody.parse(await readJson(req));
  return Response.json(await updateCredential(org, params.id, changes));
});

// DELETE /api/credentials/:id — delete; runs that still refer to it fail with CredentialNotFound
export const DELETE = withOrg<{ id: string }>('credential:manage', async ({ org, params }) => {
  await deleteCredential(org, params.id);
  return new Response(null, { status: 204 });
});
