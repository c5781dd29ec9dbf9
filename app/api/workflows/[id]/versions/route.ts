import { readJson, withOrg } from '@/lib/api/handler';
import { publishVersionInput } from '@/lib/workflows/schemas';
import { listVersions, publishVersion } from '@/lib/workflows/versions';

// GET /api/workflows/:id/versions — published versions, newest first, without definitions
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params }) =>
  Response.json({ items: await listVersions(org, params.id) }),
);

// POST /api/workflows/:id/versions — validate a definition and publish it as the next version
export const POST = withOrg<{ id: string }>('workflow:publish', async ({ org, params, req }) => {
  const body = publishVersionInput.parse(await readJson(req));
  return Response.json(await publishVersion(org, params.id, body.definition), { status: 201 });
});
