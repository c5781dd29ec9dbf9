import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger';

describe('createLogger', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.LOG_LEVEL;
  });

  it('writes one JSON line with the message, base fields and serialised errors', () => {
    const out = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    createLogger({ service: 'worker' }).error('activity failed', { error: new Error('boom'), attempt: 2 });
    const entry = JSON.parse(String(out.mock.calls[0][0]));
    expect(entry).toMatchObject({ level: 'error', msg: 'activity failed', service: 'worker', attempt: 2 });
    expect(entry.error).toMatchObject({ name: 'Error', message: 'boom' });
  });

  it('drops entries below LOG_LEVEL', () => {
    process.env.LOG_LEVEL = 'warn';
    const out = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
    createLogger().info('hidden');
    expect(out).not.toHaveBeenCalled();
  });
});
