import { randomBytes } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { recordAudit } from '../audit/record';
import { isUuid } from '../db/ids';
import { orgDb } from '../db/tenant';
import type { WebhookEndpoint } from '../db/generated/client';
import { webhookTrigger, type WebhookTriggerConfig } from '../connectors/nodes/webhook-trigger';
import { definitionNodeSchema, type WorkflowDefinition } from '../definition/schema';
import { createLogger } from '../logging/logger';
import { seal } from '../vault/envelope';
import { vaultKeyRing } from '../vault/vault-key-ring';
import { sealedColumns } from './sealed-secret';
import { hashBearerSecret, newWebhookSecret } from './signature';
import type { WebhookUpdate } from './schemas';

const log = createLogger({ component: 'webhooks' });

export const webhookPath = (slug: string) => `/api/hooks/${slug}`;

/** The webhook trigger of a workflow's latest published version, with its config as published. */
export interface PublishedTrigger {
  version: number;
  nodeId: string;
  config: WebhookTriggerConfig;
}

/** A webhook trigger whose config cannot be used: the definition's fault, named with its field. */
const unusableTrigger = (nodeId: string, where: string, path: string, message: string) =>
  new ApiError(422, 'invalid_definition', `Webhook trigger "${nodeId}", ${path}: ${message} ${where}`, [
    { nodeId, path, message },
  ]);

/**
 * The first `trigger.webhook` node among a definition's nodes, with its config, or null. Its
 * config was checked as far as a node checks its own, but not a `{{ }}` where a value belongs,
 * or a `responseNodeId` naming no node: those are refused here, `where` ending the message.
 */
export function webhookTriggerIn(
  nodes: unknown[],
  where: string,
): { nodeId: string; config: WebhookTriggerConfig } | null {
  const ids = new Set(nodes.map((node) => (node as { id?: unknown }).id));
  for (const raw of nodes) {
    const node = definitionNodeSchema.safeParse(raw);
    if (!node.success || node.data.type !== webhookTrigger.type) continue;
    const config = webhookTrigger.config.safeParse(node.data.config);
    if (!config.success) {
      const issue = config.error.issues[0];
      throw unusableTrigger(node.data.id, where, ['config', ...issue.path].join('.'), issue.message);
    }
    const { response, responseNodeId } = config.data;
    if (response === 'node' && !ids.has(responseNodeId)) {
      const message = `no node "${responseNodeId}" in the definition`;
      throw unusableTrigger(node.data.id, where, 'config.responseNodeId', message);
    }
    return { nodeId: node.data.id, config: config.data };
  }
  return null;
}

/**
 * The first `trigger.webhook` node of the latest published version, or null when the workflow
 * has no published version or its latest has no webhook trigger.
 */
export async function findPublishedTrigger(orgId: string, workflowId: string): Promise<PublishedTrigger | null> {
  const latest = await orgDb(orgId).workflowVersion.findFirst({
    where: { orgId, workflowId },
    orderBy: { version: 'desc' },
    select: { version: true, definition: true },
  });
  if (!latest) return null;
  const nodes = (latest.definition as { nodes?: unknown[] }).nodes ?? [];
  const found = webhookTriggerIn(nodes, `(version ${latest.version}); publish a fixed version`);
  return found && { version: latest.version, ...found };
}

/** An endpoint as the API shows it: never its secret, only whether one is set and for which mode. */
export function publicWebhook(endpoint: WebhookEndpoint, trigger: PublishedTrigger | null, baseUrl?: string) {
  const path = webhookPath(endpoint.slug);
  return {
    id: endpoint.id,
    workflowId: endpoint.workflowId,
    slug: endpoint.slug,
    path,
    url: baseUrl ? `${baseUrl}${path}` : null,
    enabled: endpoint.enabled,
    secretKind: endpoint.secretKind as 'bearer' | 'hmac' | null,
    // What the latest published version's trigger asks of a call; null when it has none.
    trigger: trigger && {
      version: trigger.version,
      nodeId: trigger.nodeId,
      methods: trigger.config.methods,
      auth: trigger.config.auth,
      response: trigger.config.response,
    },
    lastTriggeredAt: endpoint.lastTriggeredAt,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

async function findLiveWorkflow(org: OrgContext, workflowId: string) {
  const workflow = isUuid(workflowId)
    ? await orgDb(org.orgId).workflow.findFirst({
        where: { id: workflowId, orgId: org.orgId, deletedAt: null },
        select: { id: true, name: true },
      })
    : null;
  if (!workflow) throw notFound('Workflow');
  return workflow;
}

export async function getWebhook(org: OrgContext, workflowId: string, baseUrl?: string) {
  await findLiveWorkflow(org, workflowId);
  const endpoint = await orgDb(org.orgId).webhookEndpoint.findFirst({ where: { orgId: org.orgId, workflowId } });
  if (!endpoint) {
    throw new ApiError(
      404,
      'not_found',
      'This workflow has no webhook yet: publish a version with a webhook trigger (trigger.webhook)',
    );
  }
  return publicWebhook(endpoint, await findPublishedTrigger(org.orgId, workflowId), baseUrl);
}

// 24 random bytes: the URL is unguessable even for endpoints with auth "none".
const newSlug = () => randomBytes(24).toString('base64url');

/**
 * Gives a workflow its webhook URL when a version with a webhook trigger is published: the
 * first such publish creates the endpoint, enabled and without a secret (a POST on
 * /api/workflows/:id/webhook makes one, shown once); later publishes leave it as it is. The
 * version is published either way: a failure here is logged, and that POST creates it too.
 */
export async function ensureWebhookEndpoint(orgId: string, workflowId: string, definition: WorkflowDefinition) {
  if (!definition.nodes.some((node) => node.type === webhookTrigger.type)) return;
  try {
    // No RETURNING: an endpoint already there is simply kept (ON CONFLICT DO NOTHING).
    await orgDb(orgId).webhookEndpoint.createMany({
      data: [{ orgId, workflowId, slug: newSlug() }],
      skipDuplicates: true,
    });
  } catch (error) {
    log.error('webhook endpoint not created at publish', { workflowId, error });
  }
}

/** The columns a new secret is stored in, for the mode it is made for; the other mode's are cleared. */
async function secretColumns(endpointId: string, kind: 'bearer' | 'hmac', secret: string) {
  if (kind === 'bearer') {
    return {
      secretKind: kind,
      secretHash: hashBearerSecret(secret),
      secretCiphertext: null,
      secretIv: null,
      secretAuthTag: null,
      secretWrappedKey: null,
      secretKeyVersion: null,
    };
  }
  const sealed = await seal(vaultKeyRing(), endpointId, secret);
  return { secretKind: kind, secretHash: null, ...sealedColumns(sealed) };
}

/**
 * Creates the workflow's webhook if publishing has not (its latest published version must have
 * a webhook trigger), or changes it: enables or disables it, or makes a new secret for the
 * trigger's auth mode, which is also made whenever that mode has none yet. A new secret is
 * returned this once; bearer secrets are stored as their hash, HMAC secrets sealed by the vault.
 */
export async function saveWebhook(org: OrgContext, workflowId: string, update: WebhookUpdate, baseUrl?: string) {
  const workflow = await findLiveWorkflow(org, workflowId);
  const trigger = await findPublishedTrigger(org.orgId, workflowId);
  if (!trigger) {
    throw new ApiError(
      409,
      'no_webhook_trigger',
      `Workflow "${workflow.name}" has no published version with a webhook trigger (trigger.webhook): publish one first`,
    );
  }
  const db = orgDb(org.orgId);
  const existing = await db.webhookEndpoint.findFirst({ where: { orgId: org.orgId, workflowId } });
  const endpointId = existing?.id ?? crypto.randomUUID();
  const kind = trigger.config.auth === 'none' ? null : trigger.config.auth;
  // A secret is made when asked for, and when the trigger's auth mode has none yet.
  const wantsSecret = update.rotateSecret || (kind !== null && existing?.secretKind !== kind);
  if (update.rotateSecret && kind === null) {
    const message =
      'the published webhook trigger takes no secret (auth "none"): publish it with auth "bearer" or "hmac"';
    throw new ApiError(400, 'invalid_request', `rotateSecret: ${message}`, [{ path: 'rotateSecret', message }]);
  }
  const secret = wantsSecret && kind ? newWebhookSecret(kind) : undefined;
  const secretData = secret && kind ? await secretColumns(endpointId, kind, secret) : {};
  const endpoint = existing
    ? await db.webhookEndpoint.update({
        where: { id: existing.id },
        data: { ...(update.enabled === undefined ? {} : { enabled: update.enabled }), ...secretData },
      })
    : await db.webhookEndpoint.create({
        data: {
          id: endpointId,
          orgId: org.orgId,
          workflowId,
          slug: newSlug(),
          enabled: update.enabled ?? true,
          ...secretData,
        },
      });
  await recordAudit(org, {
    action: existing ? 'webhook.update' : 'webhook.create',
    targetType: 'workflow',
    targetId: workflowId,
    data: { enabled: endpoint.enabled, ...(secret ? { secretRotated: kind } : {}) },
  });
  return { ...publicWebhook(endpoint, trigger, baseUrl), ...(secret ? { secret } : {}) };
}

/** The endpoint's latest calls, newest first. */
export async function listWebhookCalls(org: OrgContext, workflowId: string, limit: number) {
  await findLiveWorkflow(org, workflowId);
  const calls = await orgDb(org.orgId).webhookCall.findMany({
    where: { orgId: org.orgId, endpoint: { workflowId } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      method: true,
      status: true,
      errorCode: true,
      runId: true,
      sizeBytes: true,
      durationMs: true,
      createdAt: true,
    },
  });
  return { calls };
}
