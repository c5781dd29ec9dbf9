import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const uuid = z.uuid();

/** Ids in the database are UUIDs; anything else cannot name a row, so lookups answer "not found" early. */
export const isUuid = (value: string) => uuid.safeParse(value).success;

/**
 * A time-ordered UUID (RFC 9562 version 7), as the schema's `@default(uuid(7))` makes, for rows
 * inserted by raw SQL: 48 bits of Unix milliseconds, then random bits.
 */
export function uuidV7(now = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
