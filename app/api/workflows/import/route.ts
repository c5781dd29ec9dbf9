import { readJson, withOrg } from '@/lib/api/handler';
import { workflowExportFile } from '@/lib/workflows/export-format';
import { importWorkflow } from '@/lib/workflows/export-import';

// POST /api/workflows/import — create a workflow from an export file, published as version 1
export const POST = withOrg('workflow:publish', async ({ org, req }) => {
  const file = workflowExportFile.parse(await readJson(req));
  return Response.json(await importWorkflow(org, file), { status: 201 });
});
