import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findInstalledBinary } from './binaries';
import { provisionedBinary } from './provisioned-tools';

describe('findInstalledBinary', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
  });

  it('finds an executable on PATH', () => {
    expect(findInstalledBinary('sh')).toMatch(/\/sh$/);
  });

  it('finds nothing that is not installed', () => {
    process.env.PATH = '/nonexistent';
    expect(findInstalledBinary('surely-not-installed-anywhere')).toBeUndefined();
  });
});

describe('provisioning without Python', () => {
  it('says in one line what to install, or which setting avoids the need', async () => {
    const toolsDir = await mkdtemp(path.join(os.tmpdir(), 'flow-tools-'));
    try {
      await expect(
        provisionedBinary({
          toolsDir,
          binary: 'redis-server',
          alternative: 'set REDIS_URL to an existing Redis',
          python: path.join(toolsDir, 'no-python-here'),
        }),
      ).rejects.toThrow(
        '`redis-server` was not found, and the launcher needs Python 3 to fetch it: install Python 3 ' +
          '(python.org or your package manager), or set REDIS_URL to an existing Redis.',
      );
    } finally {
      await rm(toolsDir, { recursive: true, force: true });
    }
  });
});
