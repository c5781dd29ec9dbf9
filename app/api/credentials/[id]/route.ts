import { readJson, withOrg } from '@/lib/api/handler';
import { recordAudit } from '@/lib/audit/record';
import { deleteCredential, getCredentialMetadata, updateCredential } from '@/lib/vault/credentials';
import { updateCredentialBody } from '@/lib/vault/schemas';

// GET /api/credentials/:id — one credential's metadata
export const GET = withOrg<{ id: string }>('credential:read', async ({ org, params }) =>
  Response.json(await getCredentialMetadata(org.orgId, params.id)),
);

// PATCH /api/credentials/:id — rename and/or replace the value (write-only)
export const PATCH = withOrg<{ id: string }>('credential:manage', async ({ org, params, req }) => {
  const changes = updateCredentialBody.parse(await readJson(req));
  const updated = await updateCredential(org.orgId, params.id, changes);
  await recordAudit(org, {
    action: 'credential.update',
    targetType: 'credential',
    targetId: params.id,
    data: { renamed: changes.name !== undefined, valueReplaced: changes.value !== undefined },
  });
  return Response.json(updated);
});

// DELETE /api/credentials/:id — delete; runs that still refer to it fail with CredentialNotFound
export const DELETE = withOrg<{ id: string }>('credential:manage', async ({ org, params }) => {
  await deleteCredential(org.orgId, params.id);
  await recordAudit(org, { action: 'credential.delete', targetType: 'credential', targetId: params.id });
  return new Response(null, { status: 204 });
});
