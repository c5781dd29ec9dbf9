import { MAX_MEMORY_LIMIT_MB, MAX_TIMEOUT_MS } from './limits';
import type { JavaScriptOutcome } from './outcome';
import { SandboxPool, sandboxThreadCount } from './sandbox-pool';

export { MAX_MEMORY_LIMIT_MB, MAX_TIMEOUT_MS } from './limits';
export type { CodeFailure, ConsoleLevel, ConsoleLine, JavaScriptOutcome } from './outcome';

export interface JavaScriptRun {
  /** The body of an async function that receives `input`. */
  code: string;
  /** Copied into the sandbox as JSON. */
  input?: unknown;
  /** At most MAX_TIMEOUT_MS. */
  timeoutMs: number;
  /** At most MAX_MEMORY_LIMIT_MB. */
  memoryLimitMb: number;
  signal?: AbortSignal;
}

// Started on the first run, so that importing the node registry (the web app does) starts no threads.
let pool: SandboxPool | undefined;

/**
 * Runs user JavaScript in a fresh QuickJS runtime on a sandbox thread, with time, memory and stack
 * limits, leaving the caller's event loop free. Failures of the user's code are returned, not
 * thrown; only an aborted signal or a broken host throws.
 */
export async function runJavaScript(run: JavaScriptRun): Promise<JavaScriptOutcome> {
  if (run.timeoutMs > MAX_TIMEOUT_MS || run.memoryLimitMb > MAX_MEMORY_LIMIT_MB) {
    throw new RangeError(`A run may take at most ${MAX_TIMEOUT_MS} ms and ${MAX_MEMORY_LIMIT_MB} MB`);
  }
  run.signal?.throwIfAborted();
  let inputJson: string | undefined;
  try {
    inputJson = JSON.stringify(run.input);
  } catch (error) {
    const message = `The input is not JSON-serialisable: ${(error as Error).message}`;
    return { ok: false, failure: { type: 'CodeInputNotJson', message, nonRetryable: true }, console: [] };
  }
  pool ??= new SandboxPool(sandboxThreadCount());
  const { code, timeoutMs, memoryLimitMb, signal } = run;
  return pool.run({ code, inputJson, timeoutMs, memoryLimitMb }, signal);
}

/** Terminates every sandbox thread; the next run starts a new pool. */
export async function closeSandboxPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
