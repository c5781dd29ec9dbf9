import { describe, expect, it } from 'vitest';
import {
  bearerSecretMatches,
  hashBearerSecret,
  newWebhookSecret,
  signWebhook,
  verifyWebhookSignature,
} from './signature';

const secret = 'whsec_test';
const body = new TextEncoder().encode('{"event":"paid"}');
const now = Date.UTC(2026, 10, 30, 12, 0, 0);
const nowSeconds = String(now / 1000);

const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
  verifyWebhookSignature({
    secret,
    timestamp: nowSeconds,
    signature: signWebhook(secret, nowSeconds, body),
    rawBody: body,
    toleranceSeconds: 300,
    nowMs: now,
    ...overrides,
  });

describe('webhook HMAC signatures', () => {
  it('signs "<timestamp>.<raw body>" with HMAC-SHA256, as openssl dgst -sha256 -hmac does', () => {
    // printf '%s' '1796040000.{"event":"paid"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook(secret, nowSeconds, body)).toBe(
      'sha256=626140a86c2910e1cd0130ea37b5ba12e3c89474805102b164be1243718d4c5f',
    );
  });

  it('accepts the signature of the exact bytes, timestamp and secret', () => {
    expect(verify({})).toEqual({ ok: true });
  });

  it('refuses another body, timestamp or secret, and a signature off by one character anywhere', () => {
    const signature = signWebhook(secret, nowSeconds, body);
    expect(verify({ rawBody: new TextEncoder().encode('{"event":"refunded"}') })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verify({ secret: 'whsec_other' })).toEqual({ ok: false, reason: 'mismatch' });
    const earlier = String(Number(nowSeconds) - 1);
    expect(verify({ timestamp: earlier })).toEqual({ ok: false, reason: 'mismatch' });
    for (const index of [7, signature.length - 1]) {
      const flipped = signature.slice(0, index) + (signature[index] === '0' ? '1' : '0') + signature.slice(index + 1);
      expect(verify({ signature: flipped })).toEqual({ ok: false, reason: 'mismatch' });
    }
    // Shorter or longer signatures are refused without comparing (timingSafeEqual needs equal lengths).
    expect(verify({ signature: signature.slice(0, -1) })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ signature: `${signature}0` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verify({ signature: signature.replace('sha256=', 'sha1=') })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts timestamps up to the tolerance either way, and refuses one second past it', () => {
    for (const offset of [-300, 300]) {
      const timestamp = String(Number(nowSeconds) + offset);
      expect(verify({ timestamp, signature: signWebhook(secret, timestamp, body) })).toEqual({ ok: true });
    }
    for (const offset of [-301, 301]) {
      const timestamp = String(Number(nowSeconds) + offset);
      expect(verify({ timestamp, signature: signWebhook(secret, timestamp, body) })).toEqual({
        ok: false,
        reason: 'stale_timestamp',
      });
    }
    const tight = String(Number(nowSeconds) - 11);
    expect(verify({ timestamp: tight, signature: signWebhook(secret, tight, body), toleranceSeconds: 10 })).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
  });

  it('names what is missing or malformed', () => {
    expect(verify({ timestamp: null })).toEqual({ ok: false, reason: 'missing_timestamp' });
    expect(verify({ timestamp: '' })).toEqual({ ok: false, reason: 'missing_timestamp' });
    expect(verify({ timestamp: '2026-11-30T12:00:00Z' })).toEqual({ ok: false, reason: 'malformed_timestamp' });
    expect(verify({ timestamp: '1e9' })).toEqual({ ok: false, reason: 'malformed_timestamp' });
    expect(verify({ signature: null })).toEqual({ ok: false, reason: 'missing_signature' });
  });
});

describe('webhook bearer secrets', () => {
  it('are random, prefixed by their use, and matched through their hash', () => {
    const token = newWebhookSecret('bearer');
    expect(token).toMatch(/^whtok_[\w-]{43}$/);
    expect(newWebhookSecret('hmac')).toMatch(/^whsec_[\w-]{43}$/);
    expect(newWebhookSecret('bearer')).not.toBe(token);
    const stored = hashBearerSecret(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(bearerSecretMatches(token, stored)).toBe(true);
    expect(bearerSecretMatches(`${token}x`, stored)).toBe(false);
    expect(bearerSecretMatches('', stored)).toBe(false);
    expect(bearerSecretMatches(token, 'not-hex')).toBe(false);
  });
});
