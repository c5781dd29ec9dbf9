import type { AlertRule } from '../db/generated/client';
import { db } from '../db/client';
import { orgDb, withOrgTransaction } from '../db/tenant';
import { readOrgSlo } from '../dashboard/slo';
import { createLogger } from '../logging/logger';
import { orgOutboundPolicy } from '../outbound/org-allowlist';
import { outboundFetch } from '../outbound/outbound-fetch';
import { open } from '../vault/envelope';
import { vaultKeyRing } from '../vault/vault-key-ring';
import { kindName } from './alert-rules';
import { measureRule, type Measurement } from './measure';
import { sealedSecretOf } from './rule-secret';
import { SIGNATURE_HEADER, signBody } from './sign';

const log = createLogger({ component: 'alerts' });

const DELIVERY_TIMEOUT_MS = 10_000;

export interface AlertEvaluation {
  evaluated: number;
  fired: number;
  resolved: number;
}

/**
 * Measures every enabled rule of every org and, for each that crossed its threshold since the
 * last evaluation (either way), records the change and posts it to the rule's webhook. A rule
 * that stays firing is not posted again.
 */
export async function evaluateAlerts(now = new Date()): Promise<AlertEvaluation> {
  const result: AlertEvaluation = { evaluated: 0, fired: 0, resolved: 0 };
  // Org by org (the app's role sees the rows of the org a transaction names only), in the orgs
  // that have an enabled rule.
  const orgs = await db().$queryRaw<{ id: string }[]>`SELECT org_id AS id FROM orgs_with_enabled_alert_rules()`;
  for (const org of orgs) {
    const rules = await orgDb(org.id).alertRule.findMany({ where: { orgId: org.id, enabled: true } });
    if (rules.length === 0) continue;
    const slo = await readOrgSlo(org.id);
    for (const rule of rules) {
      try {
        const measurement = await withOrgTransaction(org.id, (tx) =>
          measureRule(tx, org.id, { ...rule, kind: kindName(rule.kind) }, slo, now),
        );
        result.evaluated++;
        const change = await recordChange(rule, measurement, now);
        if (change === 'FIRING') result.fired++;
        if (change === 'RESOLVED') result.resolved++;
      } catch (error) {
        log.error('alert rule not evaluated', { orgId: org.id, ruleId: rule.id, error });
      }
    }
  }
  return result;
}

/** Records the rule's new state if it changed, then delivers it; which change, if any. */
async function recordChange(rule: AlertRule, measurement: Measurement, now: Date) {
  const prisma = orgDb(rule.orgId);
  const firing = measurement.breached;
  // Conditional on the state read, so two overlapping evaluations record a change once.
  const { count } = await prisma.alertRule.updateMany({
    where: { id: rule.id, firing: !firing },
    data: { firing, lastEvaluatedAt: now },
  });
  if (count === 0) {
    await prisma.alertRule.update({ where: { id: rule.id }, data: { lastEvaluatedAt: now } });
    return null;
  }
  const state = firing ? 'FIRING' : 'RESOLVED';
  const record = await prisma.alertFiring.create({
    data: { orgId: rule.orgId, ruleId: rule.id, state, value: measurement.value, message: measurement.message },
  });
  const delivery = await deliver(rule, {
    id: record.id,
    state: state.toLowerCase(),
    value: measurement.value,
    message: measurement.message,
    at: record.createdAt.toISOString(),
    rule: {
      id: rule.id,
      name: rule.name,
      kind: kindName(rule.kind),
      threshold: rule.threshold,
      windowMinutes: rule.windowMinutes,
    },
  });
  await prisma.alertFiring.update({ where: { id: record.id }, data: delivery });
  return state;
}

/** Posts the change to the rule's webhook through the outbound guard, signed with the rule's secret. */
async function deliver(
  rule: AlertRule,
  payload: Record<string, unknown>,
): Promise<{ deliveryStatus: number | null; deliveryError: string | null }> {
  const body = JSON.stringify(payload);
  try {
    const secret = await open(vaultKeyRing(), rule.id, sealedSecretOf(rule));
    const response = await outboundFetch(
      rule.webhookUrl,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'FlowOrchestrator-Alerts',
          [SIGNATURE_HEADER]: signBody(secret, body),
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      },
      await orgOutboundPolicy(rule.orgId),
    );
    await response.body?.cancel();
    return {
      deliveryStatus: response.status,
      deliveryError: response.ok ? null : `The webhook answered ${response.status}`,
    };
  } catch (error) {
    log.warn('alert not delivered', { orgId: rule.orgId, ruleId: rule.id, error });
    return { deliveryStatus: null, deliveryError: (error as Error).message };
  }
}
