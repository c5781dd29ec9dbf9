import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { decryptCredential, storeCredential } from '@/lib/vault/credentials';
import { rotateCredentialKeys } from '@/lib/vault/rotate';
import { KMS_KEY_VERSION } from '@/lib/vault/key-ring';
import { FakeKms } from '../support/fake-kms';
import { ownerOrg } from '../support/api';

const kms = new FakeKms();
const kmsSettings = {
  VAULT_KMS_KEY_ID: 'arn:aws:kms:eu-west-1:000000000000:key/test',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'test-secret',
};

beforeAll(async () => {
  Object.assign(process.env, kmsSettings, { AWS_ENDPOINT_URL_KMS: await kms.start() });
});
afterAll(async () => {
  for (const name of [...Object.keys(kmsSettings), 'AWS_ENDPOINT_URL_KMS']) delete process.env[name];
  await kms.stop();
});

const withoutKms = async <T>(work: () => Promise<T>): Promise<T> => {
  const keyId = process.env.VAULT_KMS_KEY_ID;
  delete process.env.VAULT_KMS_KEY_ID;
  try {
    return await work();
  } finally {
    process.env.VAULT_KMS_KEY_ID = keyId;
  }
};

describe('vault with AWS KMS', () => {
  it('wraps data keys with KMS, bound to the row, and never sends KMS the secret itself', async () => {
    const canary = `canary-${randomUUID()}`;
    const id = await storeCredential(ownerOrg(), {
      name: `kms ${canary.slice(-6)}`,
      type: 'bearer',
      value: { token: canary },
    });
    const row = await db().credential.findUniqueOrThrow({ where: { id } });
    expect(row.keyVersion).toBe(KMS_KEY_VERSION);
    const encrypt = kms.calls.find((call) => call.operation === 'Encrypt')!;
    expect(encrypt.body.EncryptionContext).toEqual({ binding: `floworchestrator:credential:${id}:key` });
    expect(JSON.stringify(kms.calls)).not.toContain(canary);
    expect(JSON.stringify(kms.calls)).not.toContain(Buffer.from(canary).toString('base64'));
    expect(await decryptCredential(ownerOrg().orgId, id)).toEqual({ type: 'bearer', token: canary });

    // The sealed value copied onto another credential row does not open there.
    const other = await storeCredential(ownerOrg(), {
      name: `kms other ${randomUUID()}`,
      type: 'bearer',
      value: { token: 'x' },
    });
    await db().credential.update({
      where: { id: other },
      data: { ciphertext: row.ciphertext, iv: row.iv, authTag: row.authTag, wrappedDataKey: row.wrappedDataKey },
    });
    await expect(decryptCredential(ownerOrg().orgId, other)).rejects.toThrow();
    await db().credential.delete({ where: { id: other } });
  });

  it('moves credentials sealed under a master key over to KMS with the rotation command', async () => {
    const id = await withoutKms(() =>
      storeCredential(ownerOrg(), {
        name: `local ${randomUUID()}`,
        type: 'bearer',
        value: { token: 'moved-over' },
      }),
    );
    expect((await db().credential.findUniqueOrThrow({ where: { id } })).keyVersion).toBeGreaterThan(0);
    // Readable before the rotation, through the master key kept alongside KMS.
    expect(await decryptCredential(ownerOrg().orgId, id)).toMatchObject({ token: 'moved-over' });
    expect(await rotateCredentialKeys()).toBeGreaterThanOrEqual(1);
    expect((await db().credential.findUniqueOrThrow({ where: { id } })).keyVersion).toBe(KMS_KEY_VERSION);
    expect(await decryptCredential(ownerOrg().orgId, id)).toMatchObject({ token: 'moved-over' });
  });

  // Also what keeps the shared test database readable for the web and worker, which know no KMS.
  it('moves every credential back off KMS when the current key version names a master key', async () => {
    process.env.VAULT_CURRENT_KEY_VERSION = '1';
    try {
      await rotateCredentialKeys();
      expect(await db().credential.count({ where: { keyVersion: KMS_KEY_VERSION } })).toBe(0);
      expect(kms.calls.at(-1)?.operation).toBe('Decrypt');
    } finally {
      delete process.env.VAULT_CURRENT_KEY_VERSION;
    }
  });
});
