import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { orgDb } from '../db/tenant';
import { isUuid } from '../db/ids';
import type { Prisma } from '../db/generated/client';
import { ApiError } from '../api/errors';
import { credentialValueSchemas, type CredentialType, type CredentialValue } from '../connectors/credential-types';
import { open, seal } from './envelope';
import { vaultKeyRing } from './vault-key-ring';
import { recordAudit, recordSystemAudit } from '../audit/record';
import type { OrgContext } from '../auth/current-org';
import type { CredentialLimits } from '../connectors/credential-guard/limits';

/** A 404 to API callers; a non-retryable node failure inside a run. */
export class CredentialNotFound extends ApiError {
  override name = 'CredentialNotFound';
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** The encrypted columns for a credential's value (write them with the row's own client). */
export async function sealCredentialValue(id: string, type: CredentialType, value: unknown) {
  // Parsed under `value`, so a refusal names the field as a request would (`value.token: …`).
  const parsed = z.object({ value: credentialValueSchemas[type] }).parse({ value }).value;
  const sealed = await seal(vaultKeyRing(), id, JSON.stringify(parsed));
  // Prisma's Bytes fields take plain Uint8Arrays.
  return {
    ciphertext: new Uint8Array(sealed.ciphertext),
    iv: new Uint8Array(sealed.iv),
    authTag: new Uint8Array(sealed.authTag),
    wrappedDataKey: new Uint8Array(sealed.wrappedDataKey),
    keyVersion: sealed.keyVersion,
  };
}

/** Stores a credential's value encrypted, and audits it; returns its id. The value is never readable through the API. */
export async function storeCredential(
  org: OrgContext,
  input: { name: string; type: CredentialType; value: unknown },
): Promise<string> {
  const id = randomUUID();
  await orgDb(org.orgId).credential.create({
    data: {
      id,
      orgId: org.orgId,
      name: input.name,
      type: input.type,
      createdById: org.userId || undefined,
      ...(await sealCredentialValue(id, input.type, input.value)),
    },
  });
  await recordAudit(org, {
    action: 'credential.create',
    targetType: 'credential',
    targetId: id,
    data: { name: input.name, type: input.type },
  });
  return id;
}

type CredentialRow = Pick<
  Prisma.CredentialModel,
  'id' | 'type' | 'ciphertext' | 'iv' | 'authTag' | 'wrappedDataKey' | 'keyVersion'
>;

/** The value of a credential row already read (inside the caller's transaction). */
export async function openCredentialRow(row: CredentialRow): Promise<CredentialValue> {
  const type = row.type as CredentialType;
  const value = credentialValueSchemas[type].parse(
    JSON.parse(
      await open(vaultKeyRing(), row.id, {
        ciphertext: Buffer.from(row.ciphertext),
        iv: Buffer.from(row.iv),
        authTag: Buffer.from(row.authTag),
        wrappedDataKey: Buffer.from(row.wrappedDataKey),
        keyVersion: row.keyVersion,
      }),
    ),
  );
  return { type, ...value } as CredentialValue;
}

export const credentialNotFound = (credentialId: string) =>
  new CredentialNotFound(`Credential ${credentialId} does not exist in this organization`);

/** A credential's value, decrypted. Callers decrypt only at the moment of use. */
export async function decryptCredential(orgId: string, credentialId: string): Promise<CredentialValue> {
  const row = isUuid(credentialId)
    ? await orgDb(orgId).credential.findFirst({ where: { id: credentialId, orgId } })
    : null;
  if (!row) throw credentialNotFound(credentialId);
  return openCredentialRow(row);
}

/** Decrypts a credential just in time, for the activity about to use it; the use is audited. */
export async function readCredential(
  orgId: string,
  credentialId: string,
  usedBy: { runId: string; nodeId: string },
): Promise<CredentialValue> {
  const value = await decryptCredential(orgId, credentialId);
  await orgDb(orgId).credential.update({ where: { id: credentialId }, data: { lastUsedAt: new Date() } });
  await recordSystemAudit(orgId, {
    action: 'credential.use',
    targetType: 'credential',
    targetId: credentialId,
    data: usedBy,
  });
  return value;
}

const metadataSelect = {
  id: true,
  name: true,
  type: true,
  keyVersion: true,
  metadata: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  lastUsedAt: true,
} as const;

/** Credentials as the API shows them: everything but the value. */
export function listCredentials(orgId: string) {
  return orgDb(orgId).credential.findMany({ where: { orgId }, orderBy: { name: 'asc' }, select: metadataSelect });
}

export async function getCredentialMetadata(orgId: string, id: string) {
  const row = isUuid(id)
    ? await orgDb(orgId).credential.findFirst({ where: { id, orgId }, select: metadataSelect })
    : null;
  if (!row) throw credentialNotFound(id);
  return row;
}

/** Renames and/or replaces the value (write-only: the old value is never returned), audited. */
export async function updateCredential(
  org: OrgContext,
  id: string,
  changes: { name?: string; value?: unknown; limits?: CredentialLimits },
) {
  const current = await getCredentialMetadata(org.orgId, id);
  const type = current.type as CredentialType;
  const sealed = changes.value === undefined ? undefined : await sealCredentialValue(id, type, changes.value);
  const metadata = changes.limits && { ...(current.metadata as Prisma.JsonObject), limits: changes.limits };
  const updated = await orgDb(org.orgId).credential.update({
    where: { id },
    data: { ...(changes.name ? { name: changes.name } : {}), ...sealed, ...(metadata ? { metadata } : {}) },
    select: metadataSelect,
  });
  await recordAudit(org, {
    action: 'credential.update',
    targetType: 'credential',
    targetId: id,
    data: {
      renamed: changes.name !== undefined,
      valueReplaced: changes.value !== undefined,
      ...(changes.limits ? { limits: changes.limits } : {}),
    },
  });
  return updated;
}

export async function deleteCredential(org: OrgContext, id: string) {
  const { count } = isUuid(id)
    ? await orgDb(org.orgId).credential.deleteMany({ where: { id, orgId: org.orgId } })
    : { count: 0 };
  if (count === 0) throw credentialNotFound(id);
  await recordAudit(org, { action: 'credential.delete', targetType: 'credential', targetId: id });
}
