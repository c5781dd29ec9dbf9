import { withOrg } from '@/lib/api/handler';
import { revokeApiKey } from '@/lib/auth/api-keys';

// DELETE /api/api-keys/:id — revoke a key; requests with it are refused from now on
export const DELETE = withOrg<{ id: string }>('apikey:manage', async ({ org, params }) => {
  await revokeApiKey(org, params.id);
  return new Response(null, { status: 204 });
});
