import { randomUUID } from 'node:crypto';
import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { recordAudit } from '../audit/record';
import { isAllowed } from '../auth/policy';
import { orgDb } from '../db/tenant';
import type { AlertKind, AlertRule } from '../db/generated/client';
import { isUuid } from '../db/ids';
import { resolveGuarded } from '../outbound/guarded-lookup';
import { orgOutboundPolicy } from '../outbound/org-allowlist';
import { findOutboundBlocked } from '../outbound/outbound-blocked';
import { seal } from '../vault/envelope';
import { vaultKeyRing } from '../vault/vault-key-ring';
import type { AlertKindName, AlertRuleInput } from './alert-rule-schema';
import { secretColumns } from './rule-secret';
import { newSigningSecret } from './sign';

export const kindName = (kind: AlertKind) => kind.toLowerCase() as AlertKindName;
const kindColumn = (kind: AlertKindName) => kind.toUpperCase() as AlertKind;

// A webhook's path often is its credential (a Slack or Teams incoming webhook): only those who
// may manage rules see it whole.
const webhookShownTo = (org: OrgContext, url: string) =>
  isAllowed(org.role, 'alert:manage') ? url : `${new URL(url).origin}/…`;

/** A rule as the API shows it: never its secret. */
export const publicRule = (rule: AlertRule, webhookUrl = rule.webhookUrl) => ({
  id: rule.id,
  name: rule.name,
  kind: kindName(rule.kind),
  threshold: rule.threshold,
  windowMinutes: rule.windowMinutes,
  webhookUrl,
  enabled: rule.enabled,
  firing: rule.firing,
  lastEvaluatedAt: rule.lastEvaluatedAt,
  createdAt: rule.createdAt,
  updatedAt: rule.updatedAt,
});

export type PublicAlertRule = ReturnType<typeof publicRule>;

/**
 * Refuses a webhook the outbound guard would refuse at delivery (a private or loopback address
 * the org's allowlist does not open), now, while someone is there to fix it.
 */
async function assertWebhookReachable(orgId: string, webhookUrl: string) {
  const { hostname } = new URL(webhookUrl);
  try {
    await resolveGuarded(await orgOutboundPolicy(orgId), hostname);
  } catch (error) {
    const blocked = findOutboundBlocked(error);
    const reason = blocked ? blocked.message : `${hostname} does not resolve (${(error as Error).message})`;
    const message = `webhookUrl: ${reason}`;
    throw new ApiError(400, 'invalid_request', message, [{ path: 'webhookUrl', message: reason }]);
  }
}

/** Creates a rule with a new signing secret, returned this once and stored sealed by the vault. */
export async function createAlertRule(org: OrgContext, input: AlertRuleInput) {
  await assertWebhookReachable(org.orgId, input.webhookUrl);
  const id = randomUUID();
  const secret = newSigningSecret();
  const sealed = await seal(vaultKeyRing(), id, secret);
  const rule = await orgDb(org.orgId).alertRule.create({
    data: {
      id,
      orgId: org.orgId,
      name: input.name,
      kind: kindColumn(input.kind),
      threshold: input.threshold,
      windowMinutes: input.windowMinutes,
      webhookUrl: input.webhookUrl,
      enabled: input.enabled,
      ...secretColumns(sealed),
      createdById: org.actor.type === 'USER' ? org.actor.id : null,
    },
  });
  await recordAudit(org, { action: 'alert.create', targetType: 'alert_rule', targetId: id, data: { ...input } });
  return { ...publicRule(rule), secret };
}

async function findRule(org: OrgContext, id: string) {
  const rule = isUuid(id) ? await orgDb(org.orgId).alertRule.findFirst({ where: { id, orgId: org.orgId } }) : null;
  if (!rule) throw notFound('Alert rule');
  return rule;
}

/** Replaces a rule's settings; its secret and firing state stay. */
export async function updateAlertRule(org: OrgContext, id: string, input: AlertRuleInput) {
  const before = await findRule(org, id);
  await assertWebhookReachable(org.orgId, input.webhookUrl);
  const rule = await orgDb(org.orgId).alertRule.update({
    where: { id: before.id },
    data: { ...input, kind: kindColumn(input.kind) },
  });
  await recordAudit(org, {
    action: 'alert.update',
    targetType: 'alert_rule',
    targetId: id,
    data: { before: publicRule(before), after: publicRule(rule) },
  });
  return publicRule(rule);
}

export async function deleteAlertRule(org: OrgContext, id: string) {
  const rule = await findRule(org, id);
  await orgDb(org.orgId).alertRule.delete({ where: { id: rule.id } });
  await recordAudit(org, { action: 'alert.delete', targetType: 'alert_rule', targetId: id, data: { name: rule.name } });
}

export async function listAlertRules(org: OrgContext) {
  const rules = await orgDb(org.orgId).alertRule.findMany({
    where: { orgId: org.orgId },
    orderBy: { createdAt: 'asc' },
  });
  return rules.map((rule) => publicRule(rule, webhookShownTo(org, rule.webhookUrl)));
}

/** A rule with its firing history, newest first. */
export async function getAlertRule(org: OrgContext, id: string, historyLimit = 100) {
  const rule = await findRule(org, id);
  return {
    ...publicRule(rule, webhookShownTo(org, rule.webhookUrl)),
    history: await alertHistory(org.orgId, { ruleId: id, limit: historyLimit }),
  };
}

/** Firings and resolutions with how their delivery went, newest first. */
export async function alertHistory(orgId: string, options: { ruleId?: string; limit?: number } = {}) {
  const firings = await orgDb(orgId).alertFiring.findMany({
    where: { orgId, ...(options.ruleId ? { ruleId: options.ruleId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
    include: { rule: { select: { name: true } } },
  });
  return firings.map(({ rule, orgId: _orgId, ...firing }) => ({
    ...firing,
    ruleName: rule.name,
    state: firing.state.toLowerCase() as 'firing' | 'resolved',
  }));
}
