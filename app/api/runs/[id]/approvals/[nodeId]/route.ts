import { readJson, withOrg } from '@/lib/api/handler';
import { decideApproval } from '@/lib/runs/run-control';
import { approvalBody } from '@/lib/runs/schemas';

// POST /api/runs/:id/approvals/:nodeId — approve or reject a waiting approval step
export const POST = withOrg<{ id: string; nodeId: string }>('run:approve', async ({ org, params, req }) => {
  const body = approvalBody.parse(await readJson(req));
  return Response.json(await decideApproval(org, params.id, { nodeId: params.nodeId, ...body }));
});
