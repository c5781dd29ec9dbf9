import { z } from 'zod';
import { withOrg } from '@/lib/api/handler';
import { readLiveDraft } from '@/lib/collab/live-draft';
import { exportWorkflow } from '@/lib/workflows/export-import';

const exportQuery = z.object({
  version: z
    .union([z.enum(['latest', 'draft']), z.coerce.number().int().min(1)], {
      error: 'version must be latest, draft or a version number',
    })
    .default('latest'),
});

// GET /api/workflows/:id/export?version=latest|draft|<n> — a downloadable JSON file of that definition
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params, req }) => {
  const { version } = exportQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { filename, file } = await exportWorkflow(org, params.id, version, () => readLiveDraft(org, params.id));
  return Response.json(file, { headers: { 'Content-Disposition': `attachment; filename="${filename}"` } });
});
