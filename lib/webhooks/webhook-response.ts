import { z } from 'zod';

// Headers a workflow may not set on the platform's own origin: cookies (another site's session
// planted in the caller's browser), the framing of the response, and the security headers.
const FORBIDDEN_HEADERS = new Set([
  'set-cookie',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
]);

/** An output shaped as an HTTP answer: `{ status, headers?, body? }`, nothing else. */
const shapedAnswer = z.strictObject({
  status: z.number().int().min(200).max(599),
  headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  body: z.unknown().optional(),
});

/**
 * The webhook's answer from an output: one shaped `{ status, headers?, body? }` is answered as
 * it says (a string body as text, anything else as JSON), any other output as 200 JSON of it.
 */
export function webhookResponse(output: unknown): Response {
  const shaped = shapedAnswer.safeParse(output);
  if (!shaped.success) return Response.json(output ?? null);
  const headers = new Headers();
  for (const [name, value] of Object.entries(shaped.data.headers ?? {})) {
    const lower = name.toLowerCase();
    if (FORBIDDEN_HEADERS.has(lower) || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(lower)) continue;
    const text = String(value);
    // A value that could start a second header line is dropped whole.
    if (!/[\r\n\0]/.test(text)) headers.set(lower, text);
  }
  const { status, body } = shaped.data;
  // 204 and 304 carry no body.
  if (status === 204 || status === 304 || body === undefined) return new Response(null, { status, headers });
  if (typeof body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
    return new Response(body, { status, headers });
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers });
}
