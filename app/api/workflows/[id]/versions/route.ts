import { readJson, withOrg } from '@/lib/api/handler';
import { publishVersionInput } from '@/lib/workflows/schemas';
import { listVersions, publishVersion } from '@/lib/workflows/versions';
import { readLiveDraft } from '@/lib/collab/live-draft';

// GET /api/workflows/:id/versions — published versions, newest first, without definitions
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params }) =>
  Response.json({ items: await listVersions(org, params.id) }),
);

// POST /api/workflows/:id/versions — publish {definition?, message?} as the next version; without a definition, the current draft
export const POST = withOrg<{ id: string }>('workflow:publish', async ({ org, params, req }) => {
  const body = publishVersionInput.parse(await readJson(req));
  const definition = body.definition ?? (await readLiveDraft(org, params.id)).definition;
  return Response.json(await publishVersion(org, params.id, definition, body.message), { status: 201 });
});
