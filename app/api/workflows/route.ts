import { readJson, withOrg } from '@/lib/api/handler';
import { createWorkflowInput, listWorkflowsQuery } from '@/lib/workflows/schemas';
import { createWorkflow, listWorkflowPage } from '@/lib/workflows/workflows';

// GET /api/workflows — one page of the org's workflows, most recently updated first
export const GET = withOrg('workflow:read', async ({ org, req }) => {
  const query = listWorkflowsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listWorkflowPage(org, query));
});

// POST /api/workflows — create an empty workflow (a draft with no published version)
export const POST = withOrg('workflow:edit', async ({ org, req }) => {
  const body = createWorkflowInput.parse(await readJson(req));
  return Response.json(await createWorkflow(org, body), { status: 201 });
});
