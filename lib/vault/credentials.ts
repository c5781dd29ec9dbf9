import { randomUUID } from 'node:crypto';
import { db } from '../db/client';
import { credentialValueSchemas, type CredentialType, type CredentialValue } from '../connectors/credential-types';
import { open, seal } from './envelope';
import { readMasterKeys } from './master-keys';
import { recordSystemAudit } from '../audit/record';

export class CredentialNotFound extends Error {
  override name = 'CredentialNotFound';
}

/** Stores a credential's value encrypted; returns its id. The value is never readable through the API. */
export async function storeCredential(
  orgId: string,
  input: { name: string; type: CredentialType; value: unknown; createdById?: string },
): Promise<string> {
  const value = credentialValueSchemas[input.type].parse(input.value);
  const id = randomUUID();
  const sealed = seal(readMasterKeys(), id, JSON.stringify(value));
  const bytes = (buffer: Buffer) => new Uint8Array(buffer);
  await db().credential.create({
    data: {
      id,
      orgId,
      name: input.name,
      type: input.type,
      createdById: input.createdById,
      ciphertext: bytes(sealed.ciphertext),
      iv: bytes(sealed.iv),
      authTag: bytes(sealed.authTag),
      wrappedDataKey: bytes(sealed.wrappedDataKey),
      keyVersion: sealed.keyVersion,
    },
  });
  return id;
}

/** Decrypts a credential just in time, for the activity about to use it; the use is audited. */
export async function readCredential(
  orgId: string,
  credentialId: string,
  usedBy: { runId: string; nodeId: string },
): Promise<CredentialValue> {
  const row = await db().credential.findFirst({ where: { id: credentialId, orgId } });
  if (!row) throw new CredentialNotFound(`Credential ${credentialId} does not exist in this organization`);
  const type = row.type as CredentialType;
  const value = credentialValueSchemas[type].parse(
    JSON.parse(
      open(readMasterKeys(), row.id, {
        ciphertext: Buffer.from(row.ciphertext),
        iv: Buffer.from(row.iv),
        authTag: Buffer.from(row.authTag),
        wrappedDataKey: Buffer.from(row.wrappedDataKey),
        keyVersion: row.keyVersion,
      }),
    ),
  );
  await db().credential.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  await recordSystemAudit(orgId, {
    action: 'credential.use',
    targetType: 'credential',
    targetId: row.id,
    data: usedBy,
  });
  return { type, ...value } as CredentialValue;
}
