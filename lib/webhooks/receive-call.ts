import type { OrgContext } from '../auth/current-org';
import { originFrom } from '../auth/request-origin';
import { ApiError, errorResponse } from '../api/errors';
import { db } from '../db/client';
import { orgDb } from '../db/tenant';
import type { WebhookEndpoint } from '../db/generated/client';
import type { WebhookRequest, WebhookTriggerConfig } from '../connectors/nodes/webhook-trigger';
import { createLogger } from '../logging/logger';
import { processMetrics } from '../metrics/registry';
import { hitSlidingWindow } from '../rate-limit/sliding-window';
import { redis } from '../redis/client';
import { resolvePayloadRefs } from '../runs/payloads';
import { startRun } from '../runs/start-run';
import { waitForRunEnd } from '../runs/wait-for-run-end';
import { open } from '../vault/envelope';
import { vaultKeyRing } from '../vault/vault-key-ring';
import { findPublishedTrigger, type PublishedTrigger } from './endpoints';
import { readBodyBytes, webhookRequestOf } from './read-request';
import { sealedWebhookSecretOf } from './sealed-secret';
import { bearerSecretMatches, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from './signature';
import { webhookResponse } from './webhook-response';

const log = createLogger({ component: 'webhooks' });
const MINUTE_MS = 60_000;
const BEARER = /^Bearer ([\w.~+/-]+=*)$/i;

/** What the call record says about a request, filled in as it goes. */
export interface CallRecord {
  sizeBytes: number;
  runId: string | null;
}

// The platform acts for the endpoint: that is who the run and its audit row name.
const webhookActor = (endpoint: WebhookEndpoint, req: Request): OrgContext => ({
  orgId: endpoint.orgId,
  orgName: '',
  userId: '',
  role: 'EDITOR',
  actor: { type: 'SYSTEM', id: endpoint.id, label: 'webhook' },
  origin: originFrom(req.headers),
});

async function findEndpoint(slug: string): Promise<WebhookEndpoint | null> {
  // The slug is the only thing known before the org: a SECURITY DEFINER function names its org.
  const [found] = await db().$queryRaw<{ org_id: string; id: string }[]>`
    SELECT org_id, id FROM webhook_endpoint_by_slug(${slug})`;
  if (!found) return null;
  return orgDb(found.org_id).webhookEndpoint.findFirst({ where: { id: found.id, orgId: found.org_id } });
}

async function assertUnderRateLimit(endpoint: WebhookEndpoint, config: WebhookTriggerConfig) {
  let decision;
  try {
    decision = await hitSlidingWindow(`webhook:${endpoint.id}`, config.rateLimitPerMinute, MINUTE_MS);
  } catch (error) {
    // Redis away must not turn every webhook away with it.
    log.warn('webhook rate limit not checked: Redis unavailable', { error: (error as Error).message });
    return;
  }
  if (decision.allowed) return;
  const retryAfterSeconds = Math.ceil(decision.retryAfterMs / 1000);
  throw new ApiError(
    429,
    'rate_limited',
    `Too many calls to this webhook: at most ${config.rateLimitPerMinute} per minute (rateLimitPerMinute); retry in ${retryAfterSeconds} s`,
    { limit: config.rateLimitPerMinute, retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

function assertBearer(endpoint: WebhookEndpoint | null, req: Request) {
  const refuse = (message: string) => new ApiError(401, 'invalid_webhook_secret', message);
  if (!endpoint || endpoint.secretKind !== 'bearer' || !endpoint.secretHash) {
    throw refuse('This webhook has no bearer secret yet: its workflow editors must rotate its secret');
  }
  const authorization = req.headers.get('authorization');
  if (!authorization) throw refuse('Send the webhook secret as "Authorization: Bearer <secret>"');
  const secret = BEARER.exec(authorization)?.[1];
  if (!secret || !bearerSecretMatches(secret, endpoint.secretHash)) {
    throw refuse('The Authorization header does not hold this webhook\'s secret as "Bearer <secret>"');
  }
}

const SIGNATURE_MESSAGES = {
  missing_timestamp: `Sign the call: the ${TIMESTAMP_HEADER} header (Unix seconds) is missing`,
  malformed_timestamp: `The ${TIMESTAMP_HEADER} header must be Unix seconds, such as 1796040000`,
  missing_signature: `Sign the call: the ${SIGNATURE_HEADER} header ("sha256=<hex>") is missing`,
  mismatch: `The ${SIGNATURE_HEADER} header is not the HMAC-SHA256 of "<timestamp>.<raw body>" under this webhook's secret`,
} as const;

async function assertSigned(
  endpoint: WebhookEndpoint | null,
  config: WebhookTriggerConfig,
  req: Request,
  rawBody: Uint8Array,
) {
  const refuse = (message: string, details?: unknown) => new ApiError(401, 'invalid_signature', message, details);
  if (!endpoint || endpoint.secretKind !== 'hmac' || !endpoint.secretCiphertext) {
    throw refuse('This webhook has no signing secret yet: its workflow editors must rotate its secret');
  }
  const secret = await open(vaultKeyRing(), endpoint.id, sealedWebhookSecretOf(endpoint));
  const timestamp = req.headers.get(TIMESTAMP_HEADER);
  const signature = req.headers.get(SIGNATURE_HEADER);
  const nowMs = Date.now();
  const verdict = verifyWebhookSignature({
    secret,
    timestamp,
    signature,
    rawBody,
    toleranceSeconds: config.toleranceSeconds,
    nowMs,
  });
  if (!verdict.ok) {
    if (verdict.reason === 'stale_timestamp') {
      const skewSeconds = Math.round(nowMs / 1000 - Number(timestamp));
      throw refuse(
        `The ${TIMESTAMP_HEADER} header is ${Math.abs(skewSeconds)} s ${skewSeconds >= 0 ? 'in the past' : 'in the future'}, outside this webhook's tolerance of ${config.toleranceSeconds} s: sign each call when it is sent`,
        { toleranceSeconds: config.toleranceSeconds, skewSeconds },
      );
    }
    throw refuse(SIGNATURE_MESSAGES[verdict.reason]);
  }
  // A valid signature is accepted once: a captured call resent within the window is refused.
  // Kept for twice the tolerance, the whole span its timestamp can be accepted in.
  let first: string | null = 'OK';
  try {
    const key = `webhook-signature:${endpoint.id}:${signature}`;
    first = await redis().set(key, '1', 'PX', config.toleranceSeconds * 2000, 'NX');
  } catch (error) {
    log.warn('webhook replay not checked: Redis unavailable', { error: (error as Error).message });
  }
  if (first === null) {
    throw refuse('This signed call was already received: sign each call with its own timestamp');
  }
}

/** A method the trigger does not take is answered 405, naming those it does. */
export function assertMethodAllowed(config: WebhookTriggerConfig, req: Request): WebhookRequest['method'] {
  const method = req.method as WebhookRequest['method'];
  if (!config.methods.includes(method)) {
    throw new ApiError(
      405,
      'method_not_allowed',
      `This webhook accepts ${config.methods.join(', ')}, not ${req.method}`,
      { allowed: config.methods },
      { Allow: config.methods.join(', ') },
    );
  }
  return method;
}

/**
 * Reads the body within the trigger's size limit and checks the auth it asks for, with the
 * endpoint's secret (a test call to a workflow never published has none: refused when it asks
 * for one), then gives the request as the run's input.
 */
export async function readAuthenticatedRequest(
  endpoint: WebhookEndpoint | null,
  config: WebhookTriggerConfig,
  req: Request,
  method: WebhookRequest['method'],
  record: CallRecord,
): Promise<WebhookRequest> {
  const rawBody = await readBodyBytes(req, config.maxBodyBytes);
  record.sizeBytes = rawBody.byteLength;
  if (config.auth === 'bearer') assertBearer(endpoint, req);
  if (config.auth === 'hmac') await assertSigned(endpoint, config, req, rawBody);
  return webhookRequestOf(req, method, rawBody);
}

/** The trigger's answer once the run has ended, or null when it has not in time (202 then). */
export async function answerFromRun(
  org: OrgContext,
  runId: string,
  trigger: Omit<PublishedTrigger, 'version'>,
  signal: AbortSignal,
): Promise<Response | null> {
  const ended = await waitForRunEnd(org, runId, trigger.config.waitSeconds * 1000, signal);
  if (!ended) return null;
  if (ended.status !== 'SUCCEEDED') {
    const how = ended.status === 'FAILED' ? 'failed' : 'was cancelled';
    throw new ApiError(500, 'run_failed', `The run ${how}: see run ${runId}`, { runId, status: ended.status });
  }
  if (trigger.config.response === 'output') return webhookResponse(ended.output);
  const nodeId = trigger.config.responseNodeId!;
  const step = await orgDb(org.orgId).runStep.findFirst({
    where: { orgId: org.orgId, runId, nodeId, iteration: 0, status: 'SUCCEEDED' },
    orderBy: { attempt: 'desc' },
    select: { output: true },
  });
  if (!step) {
    throw new ApiError(
      500,
      'response_node_skipped',
      `Node "${nodeId}" did not run, so there is no answer: see run ${runId}`,
      {
        runId,
        nodeId,
      },
    );
  }
  return webhookResponse(await resolvePayloadRefs(step.output, org.orgId));
}

async function handleCall(endpoint: WebhookEndpoint, req: Request, record: CallRecord): Promise<Response> {
  if (!endpoint.enabled) throw new ApiError(410, 'webhook_disabled', 'This webhook is disabled');
  const trigger = await findPublishedTrigger(endpoint.orgId, endpoint.workflowId);
  if (!trigger) {
    throw new ApiError(404, 'not_found', "This webhook's workflow has no published version with a webhook trigger");
  }
  const { config } = trigger;
  const method = assertMethodAllowed(config, req);
  await assertUnderRateLimit(endpoint, config);
  const input = await readAuthenticatedRequest(endpoint, config, req, method, record);
  const org = webhookActor(endpoint, req);
  const { runId } = await startRun(
    org,
    endpoint.workflowId,
    { input, version: trigger.version },
    { trigger: 'WEBHOOK' },
  );
  record.runId = runId;
  const answer = config.response === 'accepted' ? null : await answerFromRun(org, runId, trigger, req.signal);
  return answer ?? Response.json({ runId }, { status: 202 });
}

/**
 * Answers a call to /api/hooks/<slug>: finds the endpoint, checks it is enabled, the method,
 * the rate limit, the body's size and the auth the published trigger asks for, then starts the
 * latest published version with the request as input and answers 202 { runId }, or, in a
 * waiting response mode, with the run's or a node's output. Every call to a known endpoint is
 * recorded in webhook_calls with its status, error code and run.
 */
export async function receiveWebhookCall(req: Request, slug: string): Promise<Response> {
  const timer = processMetrics().httpDuration.startTimer({ method: req.method });
  const response = await answerCall(req, slug);
  // One label for every webhook, as withOrg names routes: never one per slug.
  timer({ route: '/api/hooks/:slug', status: String(response.status) });
  return response;
}

async function answerCall(req: Request, slug: string): Promise<Response> {
  const startedAt = Date.now();
  let endpoint: WebhookEndpoint | null;
  try {
    endpoint = await findEndpoint(slug);
  } catch (error) {
    return errorResponse(error);
  }
  if (!endpoint) return errorResponse(new ApiError(404, 'not_found', 'No webhook has this URL'));
  const record: CallRecord = { sizeBytes: 0, runId: null };
  let response: Response;
  let errorCode: string | null = null;
  try {
    response = await handleCall(endpoint, req, record);
  } catch (error) {
    response = errorResponse(error);
    errorCode = error instanceof ApiError ? error.code : response.status >= 500 ? 'internal_error' : 'invalid_request';
  }
  const db = orgDb(endpoint.orgId);
  try {
    await Promise.all([
      db.webhookCall.create({
        data: {
          orgId: endpoint.orgId,
          endpointId: endpoint.id,
          method: req.method.slice(0, 16),
          status: response.status,
          errorCode,
          runId: record.runId,
          sizeBytes: record.sizeBytes,
          durationMs: Date.now() - startedAt,
        },
        select: { id: true },
      }),
      record.runId
        ? db.webhookEndpoint.update({
            where: { id: endpoint.id },
            data: { lastTriggeredAt: new Date(startedAt) },
            select: { id: true },
          })
        : null,
    ]);
  } catch (error) {
    // The call has been handled (perhaps a run started): its answer must not be lost to its record.
    log.error('webhook call not recorded', { endpointId: endpoint.id, runId: record.runId, error });
  }
  return response;
}
