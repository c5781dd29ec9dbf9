import { ApiError } from './errors';

/**
 * The largest request body the API reads, for every route (workflow imports included): room for
 * thousands of nodes, and well below the 10 MB at which Next's proxy silently cuts a body.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper JSON than this is refused before parsing: nothing the API stores nests so deep. */
export const MAX_JSON_DEPTH = 64;

const tooLarge = () =>
  new ApiError(
    413,
    'payload_too_large',
    `The request body is larger than ${MAX_BODY_BYTES} bytes; send less, or split the work into several requests`,
    { limitBytes: MAX_BODY_BYTES },
  );

/** Refuses a body whose declared Content-Length is over the limit, before a byte of it is read. */
export function assertDeclaredSizeAllowed(headers: Headers): void {
  const declared = Number(headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
}

/** The body as text, refused as soon as it passes the limit: chunked bodies declare no length. */
export async function readLimitedText(req: Request): Promise<string> {
  return new TextDecoder().decode(await readBodyWithin(req, MAX_BODY_BYTES, tooLarge));
}

/**
 * A request body's bytes, refused with `refuse()` as soon as they pass `limitBytes`: before a
 * byte is read when Content-Length says so, else while it streams (a chunked body declares none).
 */
export async function readBodyWithin(req: Request, limitBytes: number, refuse: () => Error): Promise<Uint8Array> {
  if (Number(req.headers.get('content-length') ?? 0) > limitBytes) throw refuse();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Checks what JSON.parse would let through but the rest of the app cannot take: nesting deeper
 * than MAX_JSON_DEPTH (recursive code and Prisma's JSON handling overflow their stacks) and the
 * escape \u0000 (PostgreSQL stores no NUL character). One loop over the text, no recursion, so a
 * hostile body cannot overflow the stack here either. Malformed JSON is left to JSON.parse.
 */
export function assertJsonStorable(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === QUOTE) inString = false;
      else if (char === BACKSLASH) {
        if (text.startsWith('u0000', i + 1)) {
          throw new ApiError(
            400,
            'invalid_request',
            `The request body contains \\u0000 at position ${i}: text cannot hold a NUL character`,
          );
        }
        i++;
      }
    } else if (char === QUOTE) inString = true;
    else if (OPENERS.has(char) && ++depth > MAX_JSON_DEPTH) {
      throw new ApiError(
        400,
        'json_too_deep',
        `The request body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep (at position ${i})`,
        { limitDepth: MAX_JSON_DEPTH },
      );
    } else if (CLOSERS.has(char)) depth--;
  }
}
