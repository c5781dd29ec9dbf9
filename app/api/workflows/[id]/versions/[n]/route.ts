import { withOrg } from '@/lib/api/handler';
import { getVersion } from '@/lib/workflows/versions';

// GET /api/workflows/:id/versions/:n — one version with its definition; :n may be `latest`
export const GET = withOrg<{ id: string; n: string }>('workflow:read', async ({ org, params }) =>
  Response.json(await getVersion(org, params.id, params.n)),
);
