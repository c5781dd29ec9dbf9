/** Signs and encrypts session cookies; the launcher provides one (generated once for local runs). */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('AUTH_SECRET must be set to at least 32 characters (start through `npm run dev`, or set it)');
  }
  return secret;
}
