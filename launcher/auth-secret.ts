import { randomBytes } from 'node:crypto';
import { localSecret } from './local-secret';

export const newAuthSecret = () => randomBytes(32).toString('base64url');

/** The key session cookies are sealed with: AUTH_SECRET when set, otherwise one kept in the data folder. */
export async function localAuthSecret(dataDir: string, configured?: string): Promise<string> {
  return configured || localSecret(dataDir, 'auth/secret', newAuthSecret, 'AUTH_SECRET');
}
