import { z } from 'zod';

/** Settings every server process (web, worker, collab) reads; the launcher provides them. */
export const serverEnvSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('flow-orchestrator'),
  COLLAB_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Where the web server reaches the collab server (health checks). */
  COLLAB_INTERNAL_URL: z.url().default('http://127.0.0.1:3001'),
  /** Where Temporal's web UI is served, for links to a run's workflow there; no links when unset. */
  TEMPORAL_UI_URL: z.url().optional(),
  /** The bearer token GET /api/metrics asks for; metrics are off when it is unset. */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** Parsed on first use, not at import, so `next build` can load modules without a database. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `Invalid server configuration (start through \`npm run dev\` or set these):\n  ${problems.join('\n  ')}`,
    );
  }
  cached = parsed.data;
  return cached;
}
