import { Worker } from 'node:worker_threads';
import { MAX_MEMORY_LIMIT_MB } from './limits';
import { codeMemoryLimit, codeTimeout, type ConsoleLine, type JavaScriptOutcome } from './outcome';
import type { ThreadMessage, ThreadRequest } from './thread-protocol';

const THREAD_ENTRY = new URL('./thread-entry.mjs', import.meta.url);
// QuickJS calls its interrupt handler only once every many thousand operations, so a loop of slow
// native calls (Array#fill on a large array) can run far past the thread's own deadline.
const DEADLINE_GRACE_MS = 250;
// The QuickJS heap is WASM memory, which V8's limits do not count and quickjs-engine.ts caps. These
// bound the host side of a run (its result and console lines, copied out of WASM), so that a runaway
// usually ends only its thread; Node still aborts the process for some shapes of heap exhaustion,
// which is why quickjs-engine.ts also caps the result.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: MAX_MEMORY_LIMIT_MB + 64, maxYoungGenerationSizeMb: 32 };

interface ActiveRun {
  onMessage(message: ThreadMessage): void;
  onDeath(error: Error): void;
}

/** A worker thread that keeps QuickJS loaded and runs one script at a time. */
export class SandboxThread {
  private readonly worker: Worker;
  private active: ActiveRun | undefined;
  private dead = false;

  constructor() {
    // The entry registers tsx itself, and flags meant for the main thread (V8 heap sizes) make a worker refuse to start.
    this.worker = new Worker(THREAD_ENTRY, { execArgv: [], resourceLimits: RESOURCE_LIMITS });
    // It is referenced only while it runs a script, so that an idle pool never keeps the process alive.
    this.worker.unref();
    this.worker.on('message', (message: ThreadMessage) => this.active?.onMessage(message));
    this.worker.on('error', (error) => this.died(error));
    this.worker.on('exit', (exitCode) =>
      this.died(new Error(`The code sandbox thread stopped with exit code ${exitCode}`)),
    );
  }

  get alive(): boolean {
    return !this.dead;
  }

  /**
   * Runs one script. On the deadline or an abort the thread is terminated, which stops even a native
   * call mid-way; the thread is then dead, and its owner replaces it.
   */
  run(request: ThreadRequest, signal?: AbortSignal): Promise<JavaScriptOutcome> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const lines: ConsoleLine[] = [];
      let deadline: NodeJS.Timeout | undefined;

      const finish = (stopThread: boolean) => {
        clearTimeout(deadline);
        signal?.removeEventListener('abort', abort);
        this.active = undefined;
        this.worker.unref();
        if (stopThread) void this.terminate();
      };
      const abort = () => {
        finish(true);
        reject(signal?.reason);
      };
      const overran = () => {
        finish(true);
        resolve({ ok: false, failure: codeTimeout(request.timeoutMs), console: lines });
      };

      this.active = {
        onMessage: (message) => {
          switch (message.type) {
            case 'started':
              deadline = setTimeout(overran, request.timeoutMs + DEADLINE_GRACE_MS);
              return;
            case 'console':
              lines.push(message.line);
              return;
            case 'settled':
              finish(false);
              resolve({ ...message.settled, console: lines });
          }
        },
        onDeath: (error) => {
          finish(false);
          if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
          resolve({ ok: false, failure: codeMemoryLimit(request.memoryLimitMb, 'run'), console: lines });
        },
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }

  private died(error: Error): void {
    this.dead = true;
    this.active?.onDeath(error);
  }
}
