import type { ResolvedHttpRequestConfig } from './request-config';
import { authHeader } from './build-request';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/**
 * Masks the request's credentials in text we emit (error messages, echoed response bodies), so a
 * server that reflects the request cannot leak them into the run log.
 */
export function secretRedactor(config: ResolvedHttpRequestConfig): (text: string) => string {
  const auth = authHeader(config.auth);
  const secretHeaders = new Set(CREDENTIAL_HEADERS);
  if (auth) secretHeaders.add(auth[0].toLowerCase());

  const secrets = new Set<string>();
  if (auth) secrets.add(auth[1]);
  if (config.auth.type === 'bearer') secrets.add(config.auth.token);
  if (config.auth.type === 'basic') secrets.add(config.auth.password);
  for (const [name, value] of Object.entries(config.headers)) {
    if (secretHeaders.has(name.toLowerCase())) secrets.add(value);
  }
  secrets.delete('');
  // Longest first, so a token is not half-masked by a shorter secret it contains.
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((masked, secret) => masked.replaceAll(secret, '[redacted]'), text);
}
