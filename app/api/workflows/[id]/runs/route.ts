import { readJson, withOrg } from '@/lib/api/handler';
import { readLiveDraft } from '@/lib/collab/live-draft';
import { startRunBody } from '@/lib/runs/schemas';
import { startRun } from '@/lib/runs/start-run';
import { parseWait, waitForRunEnd } from '@/lib/runs/wait-for-run-end';
import { requireValidDefinition } from '@/lib/workflows/versions';

// POST /api/workflows/:id/runs — start a run of the latest (or the named) published version, or
// with { draft: true } of the live draft (422 naming its problems when it could not be published):
// 202 { runId, version }; with ?wait=30s (at most 60 s), 200 { runId, version, status, output
// or error } if the run ends within that time, else the same 202
export const POST = withOrg<{ id: string }>('run:start', async ({ org, params, req }) => {
  const waitMs = parseWait(new URL(req.url).searchParams.get('wait'));
  const body = startRunBody.parse(await readJson(req));
  const draft = body.draft
    ? requireValidDefinition((await readLiveDraft(org, params.id)).definition, 'The draft cannot run').definition
    : undefined;
  const started = await startRun(org, params.id, body, { trigger: 'API', draft });
  const ended = waitMs > 0 ? await waitForRunEnd(org, started.runId, waitMs, req.signal) : null;
  return ended ? Response.json({ ...started, ...ended }) : Response.json(started, { status: 202 });
});
