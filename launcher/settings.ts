import { z } from 'zod';
import { LaunchError } from './errors';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** Everything the launcher reads from the environment, with the defaults the README lists. */
export const launcherSettingsSchema = z.object({
  DATA_DIR: z.string().default('.data'),
  // Not under DATA_DIR: test and benchmark platforms use throwaway data folders but share these.
  TOOLS_DIR: z.string().default('.data/tools'),
  PORT: port(3000),
  COLLAB_PORT: port(3001),
  POSTGRES_PORT: port(54320),
  REDIS_PORT: port(63790),
  TEMPORAL_PORT: port(7233),
  TEMPORAL_UI_PORT: port(8233),
  DATABASE_URL: optionalText,
  APP_DATABASE_URL: optionalText,
  REDIS_URL: optionalText,
  TEMPORAL_ADDRESS: optionalText,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('flow-orchestrator'),
  VAULT_MASTER_KEYS: optionalText,
  AUTH_SECRET: optionalText,
  APP_URL: optionalText,
});

export type LauncherSettings = z.infer<typeof launcherSettingsSchema>;

export function readLauncherSettings(env: Record<string, string | undefined> = process.env): LauncherSettings {
  const parsed = launcherSettingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new LaunchError(`Invalid settings:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
