import type { OrgContext } from '../../auth/current-org';
import { recordAudit } from '../../audit/record';
import { credentialNotFound } from '../../vault/credentials';
import { readCircuitState, resetCircuit, type CircuitState } from './circuit-breaker';
import { breakerSettings } from './limits';
import { readCredentialLimits } from './read-limits';

export interface CredentialCircuit extends CircuitState {
  /** The settings in force, the credential's own or the defaults. */
  failureThreshold: number;
  cooldownSeconds: number;
}

async function existingCredential(orgId: string, credentialId: string) {
  const credential = await readCredentialLimits(orgId, credentialId);
  if (!credential) throw credentialNotFound(credentialId);
  return credential;
}

/** The breaker of one of the org's credentials, as the API and the settings page show it. */
export async function credentialCircuit(orgId: string, credentialId: string): Promise<CredentialCircuit> {
  const credential = await existingCredential(orgId, credentialId);
  const { threshold, cooldownMs } = breakerSettings(credential.limits);
  return {
    ...(await readCircuitState(credential.id)),
    failureThreshold: threshold,
    cooldownSeconds: cooldownMs / 1000,
  };
}

/** Closes a credential's circuit, so its next attempts reach the provider again; audited with what it was. */
export async function resetCredentialCircuit(org: OrgContext, credentialId: string): Promise<CredentialCircuit> {
  const credential = await existingCredential(org.orgId, credentialId);
  const before = await readCircuitState(credential.id);
  await resetCircuit(credential.id);
  await recordAudit(org, {
    action: 'credential.circuit_reset',
    targetType: 'credential',
    targetId: credential.id,
    data: { state: before.state, consecutiveFailures: before.consecutiveFailures },
  });
  return credentialCircuit(org.orgId, credential.id);
}
