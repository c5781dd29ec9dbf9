import { parentPort } from 'node:worker_threads';
import { loadQuickJs, runInQuickJs } from './quickjs-engine';
import type { ThreadMessage, ThreadRequest } from './thread-protocol';

// The body of a sandbox thread: it runs the scripts the main thread sends, one at a time. A host
// failure is left uncaught on purpose: it ends the thread, whose owner fails the run and replaces it.

if (!parentPort) throw new Error('quickjs-thread.ts runs only as a worker thread (see sandbox-thread.ts)');
const port = parentPort;

function post(message: ThreadMessage): void {
  port.postMessage(message);
}

port.on('message', async (request: ThreadRequest) => {
  // Loading the module (again, after a run that outgrew it) does not count against the script's time.
  const quickJs = await loadQuickJs();
  post({ type: 'started' });
  const settled = runInQuickJs(quickJs, request, (line) => post({ type: 'console', line }));
  post({ type: 'settled', settled });
});
