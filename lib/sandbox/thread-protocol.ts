import type { ConsoleLine, Settled } from './outcome';

/** What the main thread sends a sandbox thread: one script to run. */
export interface ThreadRequest {
  code: string;
  /** The input as JSON, or undefined when there is none. */
  inputJson: string | undefined;
  timeoutMs: number;
  memoryLimitMb: number;
}

/**
 * What a sandbox thread sends back for a request, in this order: `started` as the script begins (the
 * main thread's deadline counts from it), each console line as it is logged, then `settled`.
 */
export type ThreadMessage =
  { type: 'started' } | { type: 'console'; line: ConsoleLine } | { type: 'settled'; settled: Settled };
