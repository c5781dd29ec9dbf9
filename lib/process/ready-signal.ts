/**
 * How a server process started by the launcher says it is serving: a message over the IPC
 * channel the launcher opens, so readiness never depends on log output or log levels.
 */
export const READY_MESSAGE = 'floworchestrator:ready';

export function signalReady() {
  process.send?.(READY_MESSAGE);
  // An open channel would keep this process alive after its work is done.
  process.channel?.unref();
}
