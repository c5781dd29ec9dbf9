import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Unix seconds when the caller signed the request. */
export const TIMESTAMP_HEADER = 'x-webhook-timestamp';
/** `sha256=` and the hex HMAC-SHA256, under the endpoint's secret, of `<timestamp>.<raw body>`. */
export const SIGNATURE_HEADER = 'x-webhook-signature';

/** A new endpoint secret: 32 random bytes, prefixed by what it is for. */
export const newWebhookSecret = (kind: 'bearer' | 'hmac') =>
  `${kind === 'hmac' ? 'whsec' : 'whtok'}_${randomBytes(32).toString('base64url')}`;

/** How a bearer secret is stored: its SHA-256, hex. The secret is random, so no salt or stretching is needed. */
export const hashBearerSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Compares the hash of the presented secret with the stored one in constant time. */
export function bearerSecretMatches(presented: string, storedHash: string): boolean {
  const given = Buffer.from(hashBearerSecret(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export const signWebhook = (secret: string, timestamp: string, rawBody: Uint8Array) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;

export type SignatureVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'missing_timestamp' | 'malformed_timestamp' | 'stale_timestamp' | 'missing_signature' | 'mismatch';
    };

/**
 * Checks a signed call as Stripe and GitHub receivers do: the timestamp must be within
 * `toleranceSeconds` of `nowMs`, either way, so a captured request cannot be replayed later,
 * and the signature must equal the one recomputed over the bytes received, compared in constant
 * time. The timestamp is checked first: a stale request is refused without computing anything.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  timestamp: string | null;
  signature: string | null;
  rawBody: Uint8Array;
  toleranceSeconds: number;
  nowMs: number;
}): SignatureVerdict {
  if (!input.timestamp) return { ok: false, reason: 'missing_timestamp' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  if (Math.abs(input.nowMs / 1000 - Number(input.timestamp)) > input.toleranceSeconds) {
    return { ok: false, reason: 'stale_timestamp' };
  }
  if (!input.signature) return { ok: false, reason: 'missing_signature' };
  const expected = Buffer.from(signWebhook(input.secret, input.timestamp, input.rawBody));
  const given = Buffer.from(input.signature.trim());
  // The lengths of a well-formed signature are public: only the content is compared in constant time.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
