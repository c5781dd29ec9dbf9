import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { z } from 'zod';

// Argon2id with OWASP's recommended floor (19 MiB, 2 passes): about 30 ms here, slow enough
// to make guessing expensive and fast enough for sign-in.
const ARGON2ID = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const passwordSchema = z.string().min(12, 'Use at least 12 characters').max(200, 'Use at most 200 characters');

export const hashPassword = (password: string) => hash(password, ARGON2ID);

// Verifying against this when the email is unknown keeps both answers equally slow, so timing
// does not tell which emails have accounts.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    await verify(await (decoyHash ??= hashPassword('decoy password for timing')), password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
