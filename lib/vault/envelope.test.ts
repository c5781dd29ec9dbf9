import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, rewrap, seal } from './envelope';
import { readMasterKeys } from './master-keys';
import { localKeyRing } from './local-key-ring';

const key = () => randomBytes(32).toString('base64');
const v1 = key();
const ring = (list: string) => localKeyRing(readMasterKeys({ VAULT_MASTER_KEYS: list }));
const ringV1 = ring(`1:${v1}`);

describe('envelope encryption', () => {
  it('round-trips a secret and uses a fresh data key each time', async () => {
    const a = await seal(ringV1, 'row-1', 'hunter2');
    const b = await seal(ringV1, 'row-1', 'hunter2');
    expect(await open(ringV1, 'row-1', a)).toBe('hunter2');
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedDataKey.equals(b.wrappedDataKey)).toBe(false);
    expect(a.ciphertext.includes(Buffer.from('hunter2'))).toBe(false);
  });

  it('detects tampering with the value or the wrapped key', async () => {
    const sealed = await seal(ringV1, 'row-1', 'secret');
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] ^= 1;
    await expect(open(ringV1, 'row-1', { ...sealed, ciphertext: flipped })).rejects.toThrow();
    const badKey = Buffer.from(sealed.wrappedDataKey);
    badKey[40] ^= 1;
    await expect(open(ringV1, 'row-1', { ...sealed, wrappedDataKey: badKey })).rejects.toThrow();
  });

  it('binds the value to its row: copied to another row it does not decrypt', async () => {
    const sealed = await seal(ringV1, 'row-1', 'secret');
    await expect(open(ringV1, 'row-2', sealed)).rejects.toThrow();
  });

  it('rotates: re-wrapped under a new master key, readable while both keys exist, then with the new one alone', async () => {
    const sealed = await seal(ringV1, 'row-1', 'secret');
    const v2 = key();
    const both = ring(`1:${v1},2:${v2}`);
    expect(both.current).toBe(2);
    expect(await open(both, 'row-1', sealed)).toBe('secret');
    const rotated = { ...sealed, ...(await rewrap(both, 'row-1', sealed)) };
    expect(rotated.keyVersion).toBe(2);
    const onlyNew = ring(`2:${v2}`);
    expect(await open(onlyNew, 'row-1', rotated)).toBe('secret');
    await expect(open(onlyNew, 'row-1', sealed)).rejects.toThrow(/version 1/);
  });

  it('names the setting when master keys are missing or malformed', () => {
    expect(() => readMasterKeys({})).toThrow(/VAULT_MASTER_KEYS/);
    expect(() => readMasterKeys({ VAULT_MASTER_KEYS: '1:tooshort' })).toThrow(/32 random bytes/);
    expect(() => readMasterKeys({ VAULT_MASTER_KEYS: `1:${v1}`, VAULT_CURRENT_KEY_VERSION: '3' })).toThrow(/version 3/);
  });
});
