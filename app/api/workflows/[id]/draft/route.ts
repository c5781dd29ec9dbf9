import { readJson, withOrg } from '@/lib/api/handler';
import { draftBody, readLiveDraft, writeLiveDraft } from '@/lib/collab/live-draft';
import { recordAudit } from '@/lib/audit/record';
import { placeUnpositionedNodes } from '@/lib/workflows/place-nodes';

// GET /api/workflows/:id/draft — the live draft: name, description and definition with positions
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params }) =>
  Response.json(await readLiveDraft(org, params.id)),
);

// PUT /api/workflows/:id/draft — replace the draft; open editors see the change at once. Nodes sent
// without any position are laid out.
export const PUT = withOrg<{ id: string }>('workflow:edit', async ({ org, params, req }) => {
  const body = await readJson(req);
  const placed = { ...body, definition: await placeUnpositionedNodes(body.definition) };
  const draft = await writeLiveDraft(org, params.id, draftBody.parse(placed));
  await recordAudit(org, { action: 'workflow.draft.update', targetType: 'workflow', targetId: params.id });
  return Response.json(draft);
});
