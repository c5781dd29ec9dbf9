import { readJson, withOrg } from '@/lib/api/handler';
import { startRunBody } from '@/lib/runs/schemas';
import { startRun } from '@/lib/runs/start-run';

// POST /api/workflows/:id/runs — start a run of the latest (or the named) published version
export const POST = withOrg<{ id: string }>('run:start', async ({ org, params, req }) => {
  const body = startRunBody.parse(await readJson(req));
  return Response.json(await startRun(org, params.id, body, { trigger: 'API' }), { status: 202 });
});
