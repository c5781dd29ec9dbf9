import { beforeAll, describe, expect, it } from 'vitest';
import { signCollabToken, verifyCollabToken } from './collab-token';

const claims = {
  sub: 'user-1',
  org: '01936f4e-0000-7000-8000-000000000001',
  wf: '01936f4e-0000-7000-8000-000000000002',
  access: 'edit' as const,
};

beforeAll(() => {
  process.env.AUTH_SECRET = 'a-test-secret-that-is-long-enough-1234';
});

describe('collab tokens', () => {
  it('carry their claims for ten minutes', () => {
    const now = Date.UTC(2026, 10, 30, 12);
    const token = signCollabToken(claims, now);
    expect(verifyCollabToken(token, now + 9 * 60_000)).toEqual({ ...claims, exp: now / 1000 + 600 });
    expect(() => verifyCollabToken(token, now + 10 * 60_000)).toThrow('expired');
  });

  it('refuse forged, altered and malformed tokens', () => {
    const token = signCollabToken(claims);
    const [payload, signature] = token.split('.');
    const other = Buffer.from(JSON.stringify({ ...claims, org: claims.wf, exp: 9_999_999_999 })).toString('base64url');
    expect(() => verifyCollabToken(`${other}.${signature}`)).toThrow('bad signature');
    expect(() => verifyCollabToken(`${payload}.${signature.slice(1)}x`)).toThrow('bad signature');
    expect(() => verifyCollabToken('garbage')).toThrow('malformed token');
    process.env.AUTH_SECRET = 'another-secret-another-secret-1234567';
    expect(() => verifyCollabToken(token)).toThrow('bad signature');
  });
});
