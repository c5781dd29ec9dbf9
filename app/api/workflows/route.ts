import { readJson, withOrg } from '@/lib/api/handler';
import { createWorkflowInput, listWorkflowsQuery } from '@/lib/workflows/schemas';
import { createWorkflow, listWorkflowPage } from '@/lib/workflows/workflows';

// GET /api/workflows — one page of the org's workflows, most recently updated first
export const GET = withOrg('workflow:read', async ({ org, req }) => {
  const query = listWorkflowsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listWorkflowPage(org, query));
});

// POST /api/workflows — create a workflow whose draft is empty or a template's (nothing published yet)
export const POST = withOrg('workflow:edit', async ({ org, req }) => {
  const body = createWorkflowInput.parse(await readJson(req));
  return Response.json(await createWorkflow(org, body), { status: 201 });
});
