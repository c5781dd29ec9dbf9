import { describe, expect, it } from 'vitest';
import { serverEnvSchema } from './server-env';

describe('serverEnvSchema', () => {
  it('accepts the launcher-provided settings and fills defaults', () => {
    const env = serverEnvSchema.parse({
      DATABASE_URL: 'postgresql://flow:flow@127.0.0.1:54320/floworchestrator',
      REDIS_URL: 'redis://127.0.0.1:63790',
    });
    expect(env).toMatchObject({ TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', COLLAB_PORT: 3001 });
  });

  it('rejects a database URL of the wrong kind, naming the field', () => {
    const result = serverEnvSchema.safeParse({ DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['DATABASE_URL']);
  });
});
