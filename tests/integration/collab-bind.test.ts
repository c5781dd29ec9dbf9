import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, inject, it } from 'vitest';

/** How a TCP connection attempt ends: `connected`, or the error code. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

// An address of this machine that is not loopback: where others on the network would connect.
const external = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && !address.internal && address.family === 'IPv4')?.address;

describe('collaboration server', () => {
  const port = Number(new URL(inject('platform').collabUrl).port);

  it('answers on 127.0.0.1, its COLLAB_HOST', async () => {
    expect(await tryConnect('127.0.0.1', port)).toBe('connected');
  });

  it.skipIf(!external)(
    `refuses connections on this machine's other address (${external ?? 'none: this machine has no non-loopback IPv4 address'})`,
    async () => {
      expect(await tryConnect(external!, port)).toBe('ECONNREFUSED');
    },
  );
});
