import { describe, expect, it } from 'vitest';
import { readLauncherSettings } from './settings';

describe('readLauncherSettings', () => {
  it('fills in the documented defaults and treats blank URLs as unset', () => {
    const settings = readLauncherSettings({ DATABASE_URL: '  ' });
    expect(settings).toMatchObject({
      DATA_DIR: '.data',
      PORT: 3000,
      COLLAB_PORT: 3001,
      POSTGRES_PORT: 54320,
      REDIS_PORT: 63790,
      TEMPORAL_PORT: 7233,
      TEMPORAL_UI_PORT: 8233,
      TEMPORAL_TASK_QUEUE: 'flow-orchestrator',
    });
    expect(settings.DATABASE_URL).toBeUndefined();
  });

  it('names the variable at fault', () => {
    expect(() => readLauncherSettings({ REDIS_PORT: 'seventy' })).toThrow(/REDIS_PORT/);
    expect(() => readLauncherSettings({ PORT: '70000' })).toThrow(/PORT/);
  });
});
