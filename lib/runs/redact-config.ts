const MASK = '[redacted]';

// Keys whose values are secrets by their name: headers and fields people paste tokens into.
// Credentials themselves never appear in a config (nodes name them by id), so this catches
// what was typed in by hand.
const SECRET_KEY = /pass(word|phrase)?$|secret|token|api[-_]?key|authorization|cookie|private[-_]?key|signature/i;
// Inside an `auth` block everything is secret but what only says which kind or whose it is.
const AUTH_FIELDS_SHOWN = new Set(['type', 'credentialId', 'username', 'name']);

function redact(value: unknown, inAuth: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => redact(item, inAuth));
  if (value === null || typeof value !== 'object') {
    return inAuth && typeof value === 'string' ? MASK : value;
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (SECRET_KEY.test(key)) return [key, MASK];
      if (inAuth && AUTH_FIELDS_SHOWN.has(key)) return [key, inner];
      return [key, redact(inner, inAuth || key === 'auth')];
    }),
  );
}

/**
 * A node's resolved config as the run page may show it: values under a key that names a
 * secret are masked at any depth, and so is every value of an `auth` block but its kind and
 * the names in it.
 */
export function redactConfig(value: unknown): unknown {
  return redact(value, false);
}
