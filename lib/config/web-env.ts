import { z } from 'zod';

const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const origin = z.preprocess(
  blankAsUnset,
  z
    .url({ protocol: /^https?$/ })
    .transform((url) => new URL(url).origin)
    .optional(),
);

/** Settings only the web server reads: the address the app is published at, and who may say otherwise. */
export const webEnvSchema = z
  .object({
    /** The app's public URL; links, OAuth callbacks and the CSRF check use it. */
    APP_URL: origin,
    /** Auth.js's name for the same address, used when APP_URL is unset. */
    AUTH_URL: origin,
    /** A reverse proxy in front sets X-Forwarded-Host/Proto/For; without one, clients could forge them. */
    TRUST_PROXY: z.preprocess(blankAsUnset, z.stringbool().default(false)),
  })
  .transform((env) => ({ publicUrl: env.APP_URL ?? env.AUTH_URL, trustProxy: env.TRUST_PROXY }));

export type WebEnv = z.infer<typeof webEnvSchema>;

let cached: WebEnv | undefined;

/** Parsed on first use, as serverEnv() is. */
export function webEnv(): WebEnv {
  if (cached) return cached;
  const parsed = webEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid web server configuration:\n  ${problems.join('\n  ')}`);
  }
  cached = parsed.data;
  return cached;
}
