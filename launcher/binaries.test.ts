import { afterEach, describe, expect, it } from 'vitest';
import { findBinary } from './binaries';

describe('findBinary', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
  });

  it('finds an executable on PATH', () => {
    expect(findBinary('sh')).toMatch(/\/sh$/);
  });

  it('fails with one line that says how to install what is missing', () => {
    process.env.PATH = '/nonexistent';
    expect(() => findBinary('redis-server')).toThrow(
      '`redis-server` was not found: install it with `apt-get install redis-server` (or set REDIS_URL to an existing Redis).',
    );
  });
});
