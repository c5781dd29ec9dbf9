import { authHeader } from './build-request';
import type { ResolvedHttpRequestConfig } from './request-config';

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Names of the request headers that carry a credential: never forwarded to another origin. */
export function credentialHeaderNames(config: ResolvedHttpRequestConfig): string[] {
  const auth = authHeader(config.auth);
  return auth ? [auth[0].toLowerCase()] : [];
}

/**
 * Every secret the request carries, in each form a server may echo it back: the raw token or
 * password, the header value, the basic-auth token, and credential headers the user typed.
 */
export function requestSecrets(config: ResolvedHttpRequestConfig): string[] {
  const secrets: string[] = [];
  const auth = authHeader(config.auth);
  if (auth) secrets.push(auth[1]);
  if (config.auth.type === 'bearer') secrets.push(config.auth.token);
  if (config.auth.type === 'header') secrets.push(config.auth.value);
  if (config.auth.type === 'basic') {
    secrets.push(config.auth.password, auth![1].slice('Basic '.length));
  }
  const names = new Set([...CREDENTIAL_HEADERS, ...credentialHeaderNames(config)]);
  for (const [name, value] of Object.entries(config.headers)) {
    if (names.has(name.toLowerCase())) secrets.push(value, value.replace(/^(Bearer|Basic)\s+/i, ''));
  }
  return secrets;
}
