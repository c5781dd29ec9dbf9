import { originFrom } from '../auth/request-origin';
import { ApiError, errorResponse } from '../api/errors';
import { readLiveDraft } from '../collab/live-draft';
import { orgDb } from '../db/tenant';
import type { WebhookRequest } from '../connectors/nodes/webhook-trigger';
import { startRun } from '../runs/start-run';
import { requireValidDefinition } from '../workflows/versions';
import { webhookTriggerIn } from './endpoints';
import { answerFromRun, assertMethodAllowed, readAuthenticatedRequest, type CallRecord } from './receive-call';
import { listenerOrg, recordTestCall, takeListener, type TestListener } from './test-listener';

const NOT_LISTENING =
  'This test URL is not listening: select the webhook trigger in the editor and click "Listen for test call", then call it within 2 minutes';

/**
 * Answers a call to a workflow's test URL, /api/hooks/test/<slug>, while its editor listens:
 * the call ends the listening, and runs the draft as it is now, with the trigger's method, size
 * and auth checks (auth with the production endpoint's secret). Whatever the answer, the call is
 * kept for the editor to show: the request, the run it started, or why it was refused.
 */
export async function receiveTestWebhookCall(req: Request, slug: string): Promise<Response> {
  let listener: TestListener | null;
  try {
    listener = await takeListener(slug);
  } catch (error) {
    return errorResponse(error);
  }
  if (!listener) return errorResponse(new ApiError(404, 'not_found', NOT_LISTENING));
  const receivedAt = new Date().toISOString();
  const record: CallRecord = { sizeBytes: 0, runId: null };
  const seen: { request: WebhookRequest | null } = { request: null };
  let response: Response;
  let error: string | null = null;
  try {
    response = await runDraft(listener, req, record, seen, receivedAt);
  } catch (caught) {
    response = errorResponse(caught);
    error = caught instanceof ApiError ? caught.message : 'The call failed on the server: see its logs';
  }
  await recordTestCall(listener, {
    receivedAt,
    method: req.method,
    request: seen.request,
    runId: record.runId,
    status: response.status,
    error,
  });
  return response;
}

async function runDraft(
  listener: TestListener,
  req: Request,
  record: CallRecord,
  seen: { request: WebhookRequest | null },
  receivedAt: string,
): Promise<Response> {
  const org = listenerOrg(listener, originFrom(req.headers));
  const draft = await readLiveDraft(org, listener.workflowId);
  const trigger = webhookTriggerIn(draft.definition.nodes, '(in the draft)');
  if (!trigger) {
    throw new ApiError(409, 'no_webhook_trigger', 'The draft has no webhook trigger (trigger.webhook) any more');
  }
  const method = assertMethodAllowed(trigger.config, req);
  const endpoint = await orgDb(org.orgId).webhookEndpoint.findFirst({
    where: { orgId: org.orgId, workflowId: listener.workflowId },
  });
  seen.request = await readAuthenticatedRequest(endpoint, trigger.config, req, method, record);
  const { definition } = requireValidDefinition(draft.definition, 'The draft cannot run');
  const { runId } = await startRun(
    org,
    listener.workflowId,
    { input: seen.request },
    { trigger: 'WEBHOOK', draft: definition },
  );
  record.runId = runId;
  if (trigger.config.response === 'accepted') return Response.json({ runId }, { status: 202 });
  // The editor shows the run at once, while the call waits for its end.
  await recordTestCall(listener, { receivedAt, method, request: seen.request, runId, status: null, error: null });
  return (await answerFromRun(org, runId, trigger, req.signal)) ?? Response.json({ runId }, { status: 202 });
}
