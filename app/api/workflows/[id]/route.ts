import { readJson, withOrg } from '@/lib/api/handler';
import { writeLiveDraftMeta } from '@/lib/collab/live-draft';
import { updateWorkflowInput } from '@/lib/workflows/schemas';
import { deleteWorkflow, getWorkflow, updateWorkflow } from '@/lib/workflows/workflows';

// GET /api/workflows/:id — one workflow with its latest version number (null until published)
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params }) =>
  Response.json(await getWorkflow(org, params.id)),
);

// PATCH /api/workflows/:id — rename or redescribe; fields left out keep their value
export const PATCH = withOrg<{ id: string }>('workflow:edit', async ({ org, params, req }) => {
  const changes = updateWorkflowInput.parse(await readJson(req));
  // The draft holds the name too: change it there first, or its next save would undo this.
  await writeLiveDraftMeta(org, params.id, changes);
  return Response.json(await updateWorkflow(org, params.id, changes));
});

// DELETE /api/workflows/:id — soft delete; versions and runs are kept
export const DELETE = withOrg<{ id: string }>('workflow:delete', async ({ org, params }) => {
  await deleteWorkflow(org, params.id);
  return new Response(null, { status: 204 });
});
