import { withOrg } from '@/lib/api/handler';
import { exportWorkflow } from '@/lib/workflows/export-import';

// GET /api/workflows/:id/export — the latest published version as a downloadable JSON file
export const GET = withOrg<{ id: string }>('workflow:read', async ({ org, params }) => {
  const { filename, file } = await exportWorkflow(org, params.id);
  return Response.json(file, { headers: { 'Content-Disposition': `attachment; filename="${filename}"` } });
});
