/**
 * Where to go after signing in: only a path on this site. Control characters are refused
 * outright (browsers drop tabs and newlines while parsing, so `/\t/evil.example` would leave the
 * site), and what is returned is re-serialized from a parse against a placeholder origin.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const parsed = new URL(value, 'http://placeholder.invalid');
  if (parsed.origin !== 'http://placeholder.invalid') return '/';
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
