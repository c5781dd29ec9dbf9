import { withOrg } from '@/lib/api/handler';
import { openRunEventStream } from '@/lib/events/run-event-stream';

// GET /api/runs/:id/events — the run's live progress as Server-Sent Events (resumes with Last-Event-ID)
export const GET = withOrg<{ id: string }>('run:read', async ({ org, params, req }) => {
  return openRunEventStream(org, params.id, req);
});
