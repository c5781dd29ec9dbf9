import { inject } from 'vitest';
import './platform-info';

// Test files use the same lib/ modules as the servers; point them at the test platform.
const platform = inject('platform');
Object.assign(process.env, {
  DATABASE_URL: platform.databaseUrl,
  REDIS_URL: platform.redisUrl,
  TEMPORAL_ADDRESS: platform.temporalAddress,
  TEMPORAL_NAMESPACE: platform.temporalNamespace,
  TEMPORAL_TASK_QUEUE: platform.taskQueue,
  COLLAB_INTERNAL_URL: platform.collabUrl,
  VAULT_MASTER_KEYS: platform.vaultMasterKeys,
  AUTH_SECRET: platform.authSecret,
});
