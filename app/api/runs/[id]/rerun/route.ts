import { readJson, withOrg } from '@/lib/api/handler';
import { rerun } from '@/lib/runs/rerun';
import { rerunBody } from '@/lib/runs/schemas';

// POST /api/runs/:id/rerun — run again from the start, the failed node or a given node
export const POST = withOrg<{ id: string }>('run:start', async ({ org, params, req }) => {
  const body = rerunBody.parse(await readJson(req));
  return Response.json(await rerun(org, params.id, body), { status: 202 });
});
