import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { readLiveDraft } from '../collab/live-draft';
import { redis } from '../redis/client';
import { webhookTriggerIn } from './endpoints';

/** How long a workflow's test URL listens after "Listen for test call": it then takes one call. */
export const TEST_LISTEN_SECONDS = 120;
// The editor shows the last test call for this long after it came.
const LAST_CALL_SECONDS = 60 * 60;
// A larger request is not kept for the editor: the run's input holds it in full.
const MAX_SHOWN_REQUEST_BYTES = 64 * 1024;

export const webhookTestPath = (slug: string) => `/api/hooks/test/${slug}`;

/**
 * A workflow's test URL: the same for as long as the workflow lives, unguessable, and derived
 * from AUTH_SECRET, so no row is needed before the workflow has ever been published.
 */
export function webhookTestSlug(orgId: string, workflowId: string): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set: webhook test URLs are derived from it');
  return createHmac('sha256', secret).update(`webhook test url v1:${orgId}:${workflowId}`).digest('base64url');
}

/** Who listens on a test URL: the run a call starts is theirs. */
const listenerSchema = z.object({
  orgId: z.string(),
  workflowId: z.string(),
  userId: z.string(),
  role: z.enum(['OWNER', 'ADMIN', 'EDITOR', 'VIEWER']),
  actor: z.object({ type: z.enum(['USER', 'API_KEY', 'SYSTEM']), id: z.string(), label: z.string() }),
  expiresAt: z.string(),
});

export type TestListener = z.output<typeof listenerSchema>;

/** The last call a test URL took, as the editor shows it. */
export const testCallSchema = z.object({
  receivedAt: z.string(),
  method: z.string(),
  /** The request as the run got it; null when the call was refused before it was read, or too large to keep here. */
  request: z.unknown(),
  requestOmitted: z.string().nullable(),
  runId: z.string().nullable(),
  /** The status the call was answered with; null while a waiting response mode waits for the run. */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
});

export type TestCall = z.output<typeof testCallSchema>;

const listenKey = (slug: string) => `webhook-test:listen:${slug}`;
const lastCallKey = (orgId: string, workflowId: string) => `webhook-test:last:${orgId}:${workflowId}`;

export const listenerOrg = (listener: TestListener, origin?: OrgContext['origin']): OrgContext => ({
  orgId: listener.orgId,
  orgName: '',
  userId: listener.userId,
  role: listener.role,
  actor: listener.actor,
  origin,
});

async function readLastCall(orgId: string, workflowId: string): Promise<TestCall | null> {
  const stored = await redis().get(lastCallKey(orgId, workflowId));
  if (!stored) return null;
  const parsed = testCallSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

/** The test URL, whether it listens now, and the last call it took. */
export async function testWebhookState(org: OrgContext, workflowId: string, baseUrl?: string) {
  const slug = webhookTestSlug(org.orgId, workflowId);
  const [stored, lastCall] = await Promise.all([redis().get(listenKey(slug)), readLastCall(org.orgId, workflowId)]);
  const listener = stored ? listenerSchema.safeParse(JSON.parse(stored)) : null;
  const path = webhookTestPath(slug);
  return {
    path,
    url: baseUrl ? `${baseUrl}${path}` : null,
    listening: listener?.success === true,
    expiresAt: listener?.success ? listener.data.expiresAt : null,
    lastCall,
  };
}

/**
 * Makes the workflow's test URL take the next call, within TEST_LISTEN_SECONDS, and run the
 * draft as it is then. The draft must have a webhook trigger whose config can be used.
 */
export async function startListening(org: OrgContext, workflowId: string, baseUrl?: string) {
  const draft = await readLiveDraft(org, workflowId);
  if (!webhookTriggerIn(draft.definition.nodes, '(in the draft)')) {
    throw new ApiError(
      409,
      'no_webhook_trigger',
      'The draft has no webhook trigger (trigger.webhook): add one to listen for a test call',
    );
  }
  const listener: TestListener = {
    orgId: org.orgId,
    workflowId,
    userId: org.userId,
    role: org.role,
    actor: org.actor,
    expiresAt: new Date(Date.now() + TEST_LISTEN_SECONDS * 1000).toISOString(),
  };
  const slug = webhookTestSlug(org.orgId, workflowId);
  await redis().set(listenKey(slug), JSON.stringify(listener), 'EX', TEST_LISTEN_SECONDS);
  return testWebhookState(org, workflowId, baseUrl);
}

export async function stopListening(org: OrgContext, workflowId: string, baseUrl?: string) {
  await redis().del(listenKey(webhookTestSlug(org.orgId, workflowId)));
  return testWebhookState(org, workflowId, baseUrl);
}

/** The listener of a test URL, which stops listening: one call is taken, even by two at once. */
export async function takeListener(slug: string): Promise<TestListener | null> {
  const stored = await redis().getdel(listenKey(slug));
  if (!stored) return null;
  const parsed = listenerSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

/** Keeps a test call for the editor to show, without a request too large to hold here. */
export async function recordTestCall(listener: TestListener, call: Omit<TestCall, 'requestOmitted'>) {
  const size = Buffer.byteLength(JSON.stringify(call.request ?? null));
  const kept: TestCall =
    size > MAX_SHOWN_REQUEST_BYTES
      ? {
          ...call,
          request: null,
          requestOmitted: `The request (${Math.ceil(size / 1024)} KiB) is shown in the run's input`,
        }
      : { ...call, requestOmitted: null };
  await redis().set(lastCallKey(listener.orgId, listener.workflowId), JSON.stringify(kept), 'EX', LAST_CALL_SECONDS);
}
