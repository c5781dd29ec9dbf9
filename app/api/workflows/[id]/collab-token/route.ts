import { withOrg } from '@/lib/api/handler';
import { collabConnection } from '@/lib/collab/collab-connection';

// GET /api/workflows/:id/collab-token — a short-lived token to open the draft on the collab server
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params, req }) =>
  Response.json(await collabConnection(org, params.id, req.headers)),
);
