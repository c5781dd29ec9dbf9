export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface ConsoleLine {
  level: ConsoleLevel;
  message: string;
}

export interface CodeFailure {
  /** The thrown error's name ('TypeError'), or a Code* type for a limit the sandbox enforced. */
  type: string;
  message: string;
  nonRetryable: boolean;
  /** The user's stack, with line numbers relative to their code. */
  stack?: string;
}

/** How a run ended, before its console lines are attached. */
export type Settled = { ok: true; value: unknown } | { ok: false; failure: CodeFailure };

export type JavaScriptOutcome = Settled & { console: ConsoleLine[] };

// Both the sandbox thread and the main thread, which stops a thread that overran, report these two.

export function codeTimeout(timeoutMs: number): CodeFailure {
  return { type: 'CodeTimeout', message: `Code ran longer than ${timeoutMs} ms`, nonRetryable: true };
}

export function codeMemoryLimit(memoryLimitMb: number, during: 'input' | 'run'): CodeFailure {
  const message =
    during === 'input'
      ? `The input does not fit in the code's memory limit of ${memoryLimitMb} MB`
      : `Code used more than its memory limit of ${memoryLimitMb} MB`;
  return { type: 'CodeMemoryLimit', message, nonRetryable: true };
}
