import { z } from 'zod';

/** The (updatedAt, id) of the last workflow on a page: the list continues strictly after it. */
export interface ListPosition {
  updatedAt: Date;
  id: string;
}

const listPosition = z.object({ updatedAt: z.iso.datetime().transform((value) => new Date(value)), id: z.uuid() });

// Opaque to clients so the ordering can change without breaking their saved cursors' meaning.
export function encodeListCursor({ updatedAt, id }: ListPosition): string {
  return Buffer.from(JSON.stringify({ updatedAt: updatedAt.toISOString(), id })).toString('base64url');
}

function decodeJson(value: string): unknown {
  try {
    return JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export const listCursor = z.string().transform((value, ctx): ListPosition => {
  const position = listPosition.safeParse(decodeJson(value));
  if (position.success) return position.data;
  ctx.addIssue({ code: 'custom', message: 'Not a cursor from this API: pass the nextCursor of the previous page' });
  return z.NEVER;
});
