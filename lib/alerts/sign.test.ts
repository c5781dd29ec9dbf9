import { describe, expect, it } from 'vitest';
import { newSigningSecret, signBody, verifySignature } from './sign';

describe('alert webhook signatures', () => {
  it('signs the body with HMAC-SHA256 of the secret', () => {
    // The RFC 4231 test case 2 key and data.
    expect(signBody('Jefe', 'what do ya want for nothing?')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('verifies only the exact body under the same secret', () => {
    const secret = newSigningSecret();
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const body = '{"state":"firing"}';
    expect(verifySignature(secret, body, signBody(secret, body))).toBe(true);
    expect(verifySignature(secret, '{"state":"resolved"}', signBody(secret, body))).toBe(false);
    expect(verifySignature(newSigningSecret(), body, signBody(secret, body))).toBe(false);
    expect(verifySignature(secret, body, 'sha256=00')).toBe(false);
  });
});
