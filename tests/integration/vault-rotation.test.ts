import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db/client';
import { readCredential, storeCredential } from '@/lib/vault/credentials';
import { rotateCredentialKeys } from '@/lib/vault/rotate';
import { ownerOrg } from '../support/api';

describe('vault key rotation', () => {
  const original = process.env.VAULT_MASTER_KEYS!;
  const newKey = `2:${randomBytes(32).toString('base64')}`;
  afterAll(() => {
    process.env.VAULT_MASTER_KEYS = original;
  });

  it('re-wraps every credential under a new master key while reads keep succeeding', async () => {
    const org = ownerOrg();
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        storeCredential(org, {
          name: `rotation-${i}-${randomBytes(3).toString('hex')}`,
          type: 'bearer',
          value: { token: `token-${i}` },
        }),
      ),
    );
    process.env.VAULT_MASTER_KEYS = `${original},${newKey}`;

    let reads = 0;
    let rotating = true;
    const readers = Array.from({ length: 3 }, async () => {
      while (rotating) {
        const index = reads++ % ids.length;
        const value = await readCredential(org.orgId, ids[index], { runId: 'rotation-test', nodeId: 'reader' });
        expect(value).toEqual({ type: 'bearer', token: `token-${index}` });
      }
    });
    const rotated = await rotateCredentialKeys({ batchSize: 7 });
    rotating = false;
    await Promise.all(readers);

    expect(rotated).toBeGreaterThanOrEqual(ids.length);
    expect(reads).toBeGreaterThan(0);
    const versions = await db().credential.findMany({ where: { id: { in: ids } }, select: { keyVersion: true } });
    expect(new Set(versions.map((row) => row.keyVersion))).toEqual(new Set([2]));

    // The old key can go: everything decrypts with the new one alone.
    process.env.VAULT_MASTER_KEYS = newKey;
    for (const [index, id] of ids.entries()) {
      expect(await readCredential(org.orgId, id, { runId: 'rotation-test', nodeId: 'after' })).toEqual({
        type: 'bearer',
        token: `token-${index}`,
      });
    }
  });

  // Credentials are visible to the app's role one org at a time: a rotation that saw none
  // would report success, and the old key would be dropped with credentials still under it.
  it("rotates every org's credentials when run as the app's database role", async () => {
    const underNewKey = await db().credential.count({ where: { keyVersion: 2 } });
    expect(underNewKey).toBeGreaterThan(0);
    // Back to version 1, the key the running platform knows, with both keys listed.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'lib/vault/rotate-command.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: inject('platform').appDatabaseUrl,
        VAULT_MASTER_KEYS: `${original},${newKey}`,
        VAULT_CURRENT_KEY_VERSION: '1',
      },
    });
    expect(stdout).toContain(`Re-wrapped ${underNewKey} credential(s)`);
    expect(await db().credential.count({ where: { keyVersion: { not: 1 } } })).toBe(0);
  });
});
