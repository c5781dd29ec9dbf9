import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { JavaScriptOutcome } from './outcome';
import { SandboxThread } from './sandbox-thread';
import type { ThreadRequest } from './thread-protocol';

const threadCountSetting = z.coerce.number().int().min(1);

/** CODE_SANDBOX_THREADS, or one thread per core: scripts are CPU-bound, so more would only contend. */
export function sandboxThreadCount(env: Record<string, string | undefined> = process.env): number {
  const configured = env.CODE_SANDBOX_THREADS;
  if (configured === undefined) return Math.max(1, availableParallelism());
  const parsed = threadCountSetting.safeParse(configured);
  if (!parsed.success) {
    throw new Error(`CODE_SANDBOX_THREADS must be a whole number of at least 1, not '${configured}'`);
  }
  return parsed.data;
}

interface Waiter {
  resolve(thread: SandboxThread): void;
  reject(reason: unknown): void;
}

/**
 * Up to `size` long-lived sandbox threads, started as runs need them. A run takes an idle thread or
 * waits its turn; a thread that was terminated or died is replaced by a fresh one.
 */
export class SandboxPool {
  private readonly threads = new Set<SandboxThread>();
  private readonly idle: SandboxThread[] = [];
  private readonly waiting: Waiter[] = [];
  private closed = false;

  constructor(private readonly size: number) {}

  async run(request: ThreadRequest, signal?: AbortSignal): Promise<JavaScriptOutcome> {
    const thread = await this.acquire(signal);
    try {
      return await thread.run(request, signal);
    } finally {
      this.release(thread);
    }
  }

  /** Terminates every thread; runs still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const closed = new Error('The code sandbox pool was closed');
    for (const waiter of this.waiting.splice(0)) waiter.reject(closed);
    this.idle.length = 0;
    const threads = [...this.threads];
    this.threads.clear();
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private acquire(signal?: AbortSignal): Promise<SandboxThread> {
    if (this.closed) return Promise.reject(new Error('The code sandbox pool was closed'));
    const thread = this.takeIdle() ?? (this.threads.size < this.size ? this.spawn() : undefined);
    if (thread) return Promise.resolve(thread);
    return new Promise((resolve, reject) => {
      const abort = () => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        resolve: (thread) => {
          signal?.removeEventListener('abort', abort);
          resolve(thread);
        },
        reject,
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private release(thread: SandboxThread): void {
    if (this.closed) return;
    const next = thread.alive ? thread : this.replace(thread);
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve(next);
    else this.idle.push(next);
  }

  // A thread can also die while idle (it failed to start, say); such a thread is dropped here.
  private takeIdle(): SandboxThread | undefined {
    for (let thread = this.idle.pop(); thread; thread = this.idle.pop()) {
      if (thread.alive) return thread;
      this.threads.delete(thread);
    }
    return undefined;
  }

  private replace(dead: SandboxThread): SandboxThread {
    this.threads.delete(dead);
    return this.spawn();
  }

  private spawn(): SandboxThread {
    const thread = new SandboxThread();
    this.threads.add(thread);
    return thread;
  }
}
