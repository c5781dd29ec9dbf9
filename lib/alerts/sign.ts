import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header an alert webhook carries: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export const SIGNATURE_HEADER = 'x-floworchestrator-signature';

export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** What a receiver does: recompute the signature over the bytes received and compare in constant time. */
export function verifySignature(secret: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
