import { newQuickJSWASMModule, Scope, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten';

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface ConsoleLine {
  level: ConsoleLevel;
  message: string;
}

export interface JavaScriptRun {
  /** The body of an async function that receives `input`. */
  code: string;
  /** Copied into the sandbox as JSON. */
  input?: unknown;
  timeoutMs: number;
  memoryLimitMb: number;
  signal?: AbortSignal;
}

export interface CodeFailure {
  /** The thrown error's name ('TypeError'), or a Code* type for limits the sandbox enforced. */
  type: string;
  message: string;
  nonRetryable: boolean;
  /** The user's stack, with line numbers relative to their code. */
  stack?: string;
}

export type JavaScriptOutcome =
  { ok: true; value: unknown; console: ConsoleLine[] } | { ok: false; failure: CodeFailure; console: ConsoleLine[] };

/** Well below the native stack Node gives WebAssembly, so QuickJS's own check usually fires first. */
const MAX_STACK_BYTES = 256 * 1024;
/** Room to describe an out-of-memory error once the user's code has stopped. */
const DESCRIBE_HEADROOM_BYTES = 1024 * 1024;
/** The host keeps every line in memory and the run log stores them, so a logging loop is capped. */
const MAX_CONSOLE_LINES = 1000;
const MAX_CONSOLE_LINE_CHARS = 10_000;
const CODE_FILE = 'code.js';
// The user's code starts on the wrapper's first line so that their line numbers need no shifting.
const WRAPPER_HEAD = '(async function (input) {';

// Runs inside the sandbox before the user's code, so the builtins it captures are still the
// originals. The host only ever receives strings from it.
const GUEST_PRELUDE = String.raw`(function (hostLog) {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  function format(value) {
    switch (typeof value) {
      case 'string':
        return value;
      case 'number':
        return Object.is(value, -0) ? '-0' : String(value);
      case 'bigint':
        return String(value) + 'n';
      case 'function':
        return '[Function: ' + (value.name || '(anonymous)') + ']';
      case 'object':
        if (value === null) return 'null';
        if (value instanceof Error) return value.name + ': ' + value.message + (value.stack ? '\n' + value.stack : '');
        try {
          return stringify(value);
        } catch (error) {
          return '[unprintable object: ' + error.message + ']';
        }
      default:
        return String(value);
    }
  }
  const consoleMethod = (level) => (...args) => hostLog(level, args.map(format).join(' '));
  globalThis.console = {
    log: consoleMethod('log'),
    info: consoleMethod('info'),
    warn: consoleMethod('warn'),
    error: consoleMethod('error'),
    debug: consoleMethod('debug'),
  };
  function rejectNonJson(key, value) {
    const type = typeof value;
    if (type === 'function' || type === 'symbol' || type === 'bigint') {
      throw new TypeError((key === '' ? 'the value is a ' : 'the value at key "' + key + '" is a ') + type);
    }
    return value;
  }
  return {
    parseJson: (json) => parse(json),
    serializeResult: (value) => (value === undefined ? 'null' : stringify(value, rejectNonJson)),
    describeThrown: (value) =>
      value instanceof Error
        ? stringify({ name: String(value.name), message: String(value.message), stack: String(value.stack || '') })
        : stringify({ name: 'Error', message: format(value), stack: '' }),
  };
})`;

// One WASM module per process: instantiating it takes milliseconds, a runtime on it a fraction of one.
let quickJsModule: Promise<QuickJSWASMModule> | undefined;

function loadQuickJs(): Promise<QuickJSWASMModule> {
  quickJsModule ??= newQuickJSWASMModule().catch((error: unknown) => {
    quickJsModule = undefined;
    throw error;
  });
  return quickJsModule;
}

/**
 * Runs user JavaScript in a fresh QuickJS runtime with CPU, memory and stack limits. Failures of
 * the user's code are returned, not thrown; only an aborted signal or a broken host throws.
 */
export async function runJavaScript(run: JavaScriptRun): Promise<JavaScriptOutcome> {
  run.signal?.throwIfAborted();
  const lines: ConsoleLine[] = [];
  let inputJson: string | undefined;
  try {
    inputJson = JSON.stringify(run.input);
  } catch (error) {
    const message = `The input is not JSON-serialisable: ${(error as Error).message}`;
    return { ok: false, failure: { type: 'CodeInputNotJson', message, nonRetryable: true }, console: lines };
  }
  const modulePromise = loadQuickJs();
  const quickJs = await modulePromise;
  // Everything from here on is synchronous, so an abort can only be seen now; the timeout bounds the rest.
  run.signal?.throwIfAborted();
  try {
    return { ...runInFreshRuntime(quickJs, run, inputJson, lines), console: lines };
  } catch (error) {
    // A host exception unwinding through the WASM frames leaves QuickJS's C state (stack pointer,
    // allocator, the runtime's object list) undefined: the module is dropped, neither reused nor disposed.
    if (quickJsModule === modulePromise) quickJsModule = undefined;
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, failure: stackOverflow(), console: lines };
    }
    throw error;
  }
}

type Settled = { ok: true; value: unknown } | { ok: false; failure: CodeFailure };
type Phase = 'input' | 'compile' | 'run' | 'result';

function runInFreshRuntime(
  quickJs: QuickJSWASMModule,
  { code, timeoutMs, memoryLimitMb }: JavaScriptRun,
  inputJson: string | undefined,
  lines: ConsoleLine[],
): Settled {
  const memoryLimitBytes = memoryLimitMb * 1024 * 1024;
  // performance.now() is monotonic: a wall-clock change cannot stretch or cut the deadline.
  const deadline = performance.now() + timeoutMs;
  let timedOut = false;
  const runtime = quickJs.newRuntime({
    memoryLimitBytes,
    maxStackSizeBytes: MAX_STACK_BYTES,
    interruptHandler: () => (timedOut ||= performance.now() > deadline),
  });
  const vm = runtime.newContext();
  const scope = new Scope();
  let droppedLines = 0;

  const hostLog = scope.manage(
    vm.newFunction('hostLog', (level, message) => {
      if (lines.length >= MAX_CONSOLE_LINES) {
        droppedLines += 1;
        return;
      }
      // Guest code can patch the builtins the prelude formats with, so only strings are accepted.
      if (vm.typeof(message) !== 'string') return;
      lines.push({ level: vm.getString(level) as ConsoleLevel, message: truncate(vm.getString(message)) });
    }),
  );
  const guest = scope.manage(vm.unwrapResult(vm.evalCode(GUEST_PRELUDE, 'prelude.js', { type: 'global' })));
  const helpers = scope.manage(vm.unwrapResult(vm.callFunction(guest, vm.undefined, hostLog)));
  const helper = (name: string) => scope.manage(vm.getProp(helpers, name));
  const parseJson = helper('parseJson');
  const serializeResult = helper('serializeResult');
  const describeThrown = helper('describeThrown');

  function fail(errorHandle: QuickJSHandle, phase: Phase): Settled {
    if (timedOut) return { ok: false, failure: timeout(timeoutMs) };
    runtime.setMemoryLimit(memoryLimitBytes + DESCRIBE_HEADROOM_BYTES);
    const thrown = describe(errorHandle);
    if (timedOut) return { ok: false, failure: timeout(timeoutMs) };
    return { ok: false, failure: classify(thrown, phase, code, memoryLimitMb) };
  }

  function describe(errorHandle: QuickJSHandle): Thrown {
    const described = scope.manage(vm.callFunction(describeThrown, vm.undefined, errorHandle));
    if (described.error) return { name: 'Error', message: 'The code threw a value that could not be read', stack: '' };
    return JSON.parse(vm.getString(described.value)) as Thrown;
  }

  function settle(): Settled {
    let input = vm.undefined;
    if (inputJson !== undefined) {
      const parsed = scope.manage(vm.callFunction(parseJson, vm.undefined, scope.manage(vm.newString(inputJson))));
      if (parsed.error) return fail(parsed.error, 'input');
      input = parsed.value;
    }

    const compiled = scope.manage(vm.evalCode(`${WRAPPER_HEAD}${code}\n})`, CODE_FILE, { type: 'global' }));
    if (compiled.error) return fail(compiled.error, 'compile');
    const called = scope.manage(vm.callFunction(compiled.value, vm.undefined, input));
    if (called.error) return fail(called.error, 'run');
    const promise = called.value;

    // Jobs run one at a time so that work left behind once the result settles is not run.
    for (;;) {
      const state = vm.getPromiseState(promise);
      if (state.type === 'rejected') return fail(scope.manage(state.error), 'run');
      if (state.type === 'fulfilled') {
        const json = scope.manage(vm.callFunction(serializeResult, vm.undefined, scope.manage(state.value)));
        if (json.error) return fail(json.error, 'result');
        return { ok: true, value: JSON.parse(vm.getString(json.value)) };
      }
      if (!runtime.hasPendingJob()) return { ok: false, failure: neverSettled() };
      const jobs = scope.manage(runtime.executePendingJobs(1));
      if (jobs.error) return fail(jobs.error, 'run');
    }
  }

  const settled = settle();
  if (droppedLines > 0) {
    lines.push({
      level: 'warn',
      message: `${droppedLines} more console lines were dropped (limit ${MAX_CONSOLE_LINES})`,
    });
  }
  // Only reached when QuickJS itself is sound; see runJavaScript for the other case.
  scope.dispose();
  vm.dispose();
  runtime.dispose();
  return settled;
}

interface Thrown {
  name: string;
  message: string;
  stack: string;
}

function classify(thrown: Thrown, phase: Phase, code: string, memoryLimitMb: number): CodeFailure {
  if (thrown.name === 'InternalError' && thrown.message.startsWith('out of memory')) {
    const message =
      phase === 'input'
        ? `The input does not fit in the code's memory limit of ${memoryLimitMb} MB`
        : `Code used more than its memory limit of ${memoryLimitMb} MB`;
    return { type: 'CodeMemoryLimit', message, nonRetryable: true };
  }
  if (thrown.message === 'stack overflow') return stackOverflow();
  if (phase === 'compile' && thrown.name === 'SyntaxError') {
    return {
      type: 'SyntaxError',
      message: `${thrown.message} ${syntaxErrorPlace(thrown.stack, code)}`,
      nonRetryable: true,
    };
  }
  if (phase === 'result') {
    const message = `The code's return value is not JSON-serialisable: ${thrown.message}`;
    return { type: 'CodeResultNotJson', message, nonRetryable: true };
  }
  return { type: thrown.name, message: thrown.message, nonRetryable: false, stack: userStack(thrown.stack) };
}

function syntaxErrorPlace(stack: string, code: string): string {
  const line = Number(/code\.js:(\d+)/.exec(stack)?.[1]);
  if (!line) return '';
  return line > code.split('\n').length ? '(at the end of the code)' : `(line ${line})`;
}

/** Columns on line 1 are shifted by the wrapper; later lines already match the user's code. */
function userStack(stack: string): string | undefined {
  if (!stack) return undefined;
  return stack.replace(/code\.js:1:(\d+)/g, (_, column: string) => `code.js:1:${Number(column) - WRAPPER_HEAD.length}`);
}

function truncate(message: string): string {
  return message.length > MAX_CONSOLE_LINE_CHARS ? `${message.slice(0, MAX_CONSOLE_LINE_CHARS)}… (truncated)` : message;
}

function timeout(timeoutMs: number): CodeFailure {
  return { type: 'CodeTimeout', message: `Code ran longer than ${timeoutMs} ms`, nonRetryable: true };
}

function stackOverflow(): CodeFailure {
  return {
    type: 'CodeStackOverflow',
    message: 'Code exceeded the maximum call stack size; look for unbounded recursion',
    nonRetryable: true,
  };
}

function neverSettled(): CodeFailure {
  return {
    type: 'CodeNeverSettled',
    message: 'Code awaited a promise that can never settle: the sandbox has no timers or I/O',
    nonRetryable: true,
  };
}
