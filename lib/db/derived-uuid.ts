import { createHash } from 'node:crypto';

/**
 * A UUID that is always the same for the same name: ids a retry must find again (a scheduled
 * action's run, an event published under an idempotency key) are derived rather than drawn.
 * The SHA-256 of the name, formatted as an RFC 9562 version 8 UUID.
 */
export function uuidFromName(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
