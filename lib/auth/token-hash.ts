import { createHash } from 'node:crypto';

/**
 * How bearer secrets (session tokens, API keys, invitation links) are stored: they are long
 * random strings, so a plain SHA-256 is a safe, fast lookup hash, unlike passwords.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
