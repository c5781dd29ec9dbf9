import {
  newQuickJSWASMModule,
  newVariant,
  RELEASE_SYNC,
  Scope,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import { MAX_MEMORY_LIMIT_MB } from './limits';
import {
  codeMemoryLimit,
  codeTimeout,
  type CodeFailure,
  type ConsoleLevel,
  type ConsoleLine,
  type Settled,
} from './outcome';
import type { ThreadRequest } from './thread-protocol';

// Runs on a sandbox thread (quickjs-thread.ts). Its limits are the first line of defence: the main
// thread terminates a thread that gets past them (sandbox-thread.ts), but that costs a new thread.

const MB = 1024 * 1024;
// The hard ceiling for every run. QuickJS's own memory limit bounds single allocations only in this
// build (Emscripten has no malloc_usable_size, so its byte count never grows), and the interrupt
// handler that measures the heap is not called during a long native call such as Array#fill; a
// WASM memory that cannot grow past this is what keeps the thread's memory bounded.
const WASM_MEMORY_MAX_BYTES = (MAX_MEMORY_LIMIT_MB + 64) * MB;
const WASM_PAGE_BYTES = 64 * 1024;
const WASM_MEMORY_INITIAL_BYTES = 16 * MB;
// WASM memory never shrinks: a module that grew past this is replaced after the run, so that one
// greedy run does not leave the thread holding hundreds of megabytes.
const WASM_MEMORY_RETAINED_MAX_BYTES = 64 * MB;
// Measuring the heap walks every object, so it is not done on every interrupt.
const MEMORY_CHECK_INTERVAL_MS = 50;
// Well below the native stack Node gives WebAssembly, so QuickJS's own check usually fires first.
const MAX_STACK_BYTES = 256 * 1024;
// The host keeps every line in memory and the run log stores them, so a logging loop is capped.
const MAX_CONSOLE_LINES = 1000;
const MAX_CONSOLE_LINE_CHARS = 10_000;
// Parsed on this thread, JSON takes up to ~20 bytes of V8 heap per character (an array of empty
// objects), and for some shapes of heap exhaustion Node aborts the whole process, not the thread
// (nodejs/node#47224). Temporal's default payload limit (2 MB) refuses larger results anyway.
const MAX_RESULT_JSON_CHARS = 8 * MB;
// The user's code starts on the wrapper's first line so that their line numbers need no shifting.
const WRAPPER_HEAD = '(async function (input) {';
const CODE_FILE = 'code.js';

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
    // stringify gives undefined for undefined, and for a toJSON() that returns it.
    serializeResult: (value) => stringify(value, rejectNonJson) ?? 'null',
    describeThrown: (value) =>
      value instanceof Error
        ? stringify({ name: String(value.name), message: String(value.message), stack: String(value.stack || '') })
        : stringify({ name: 'Error', message: format(value), stack: '' }),
  };
})`;

interface QuickJs {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
}

// One WASM module per thread: instantiating it takes milliseconds, a runtime on it a fraction of one.
let quickJsLoad: Promise<QuickJs> | undefined;

export function loadQuickJs(): Promise<QuickJs> {
  quickJsLoad ??= (async () => {
    const memory = new WebAssembly.Memory({
      initial: WASM_MEMORY_INITIAL_BYTES / WASM_PAGE_BYTES,
      maximum: WASM_MEMORY_MAX_BYTES / WASM_PAGE_BYTES,
    });
    return { module: await newQuickJSWASMModule(newVariant(RELEASE_SYNC, { wasmMemory: memory })), memory };
  })().catch((error: unknown) => {
    quickJsLoad = undefined;
    throw error;
  });
  return quickJsLoad;
}

/**
 * Runs one script in a fresh runtime on the loaded module, passing each console line to `log` as it is
 * written. Failures of the user's code are returned; only a broken host throws.
 */
export function runInQuickJs(quickJs: QuickJs, request: ThreadRequest, log: (line: ConsoleLine) => void): Settled {
  try {
    const settled = runInFreshRuntime(quickJs, request, log);
    // No other run holds the module (a thread runs one at a time), so the next one can simply load afresh.
    if (quickJs.memory.buffer.byteLength > WASM_MEMORY_RETAINED_MAX_BYTES) quickJsLoad = undefined;
    return settled;
  } catch (error) {
    // A host exception unwinding through the WASM frames leaves QuickJS's C state (stack pointer,
    // allocator, the runtime's object list) undefined: the module is dropped, neither reused nor disposed.
    quickJsLoad = undefined;
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      return { ok: false, failure: stackOverflow() };
    }
    throw error;
  }
}

type Phase = 'input' | 'compile' | 'run' | 'result';

function runInFreshRuntime(
  quickJs: QuickJs,
  { code, inputJson, timeoutMs, memoryLimitMb }: ThreadRequest,
  log: (line: ConsoleLine) => void,
): Settled {
  const memoryLimitBytes = memoryLimitMb * MB;
  // performance.now() is monotonic: a wall-clock change cannot stretch or cut the deadline.
  const deadline = performance.now() + timeoutMs;
  let nextMemoryCheck = 0;
  let stoppedBy: 'timeout' | 'memory' | undefined;

  // A context made by the module owns its runtime, and is the one computeMemoryUsage reports into.
  const vm = quickJs.module.newContext();
  const runtime = vm.runtime;
  runtime.setMemoryLimit(memoryLimitBytes);
  runtime.setMaxStackSize(MAX_STACK_BYTES);
  runtime.setInterruptHandler(() => {
    stoppedBy ??= performance.now() > deadline ? 'timeout' : overMemoryLimit() ? 'memory' : undefined;
    return stoppedBy !== undefined;
  });

  function overMemoryLimit(): boolean {
    // The heap lives in the WASM memory, so while that is within the limit there is nothing to measure.
    if (quickJs.memory.buffer.byteLength <= memoryLimitBytes) return false;
    const now = performance.now();
    if (now < nextMemoryCheck) return false;
    nextMemoryCheck = now + MEMORY_CHECK_INTERVAL_MS;
    return heapBytes(vm) > memoryLimitBytes;
  }

  const scope = new Scope();
  let keptLines = 0;
  let droppedLines = 0;
  const hostLog = scope.manage(
    vm.newFunction('hostLog', (level, message) => {
      if (keptLines >= MAX_CONSOLE_LINES) {
        droppedLines += 1;
        return;
      }
      // Guest code can patch the builtins the prelude formats with, so only strings are accepted.
      if (vm.typeof(message) !== 'string') return;
      keptLines += 1;
      log({ level: vm.getString(level) as ConsoleLevel, message: truncate(vm.getString(message)) });
    }),
  );
  const guest = scope.manage(vm.unwrapResult(vm.evalCode(GUEST_PRELUDE, 'prelude.js', { type: 'global' })));
  const helpers = scope.manage(vm.unwrapResult(vm.callFunction(guest, vm.undefined, hostLog)));
  const helper = (name: string) => scope.manage(vm.getProp(helpers, name));
  const parseJson = helper('parseJson');
  const serializeResult = helper('serializeResult');
  const describeThrown = helper('describeThrown');

  // Once the interrupt handler has stopped the run, whatever else went wrong is a consequence of that.
  function stopped(phase: Phase): Settled | undefined {
    if (stoppedBy === 'timeout') return { ok: false, failure: codeTimeout(timeoutMs) };
    if (stoppedBy === 'memory') return { ok: false, failure: outOfMemory(phase, memoryLimitMb) };
    return undefined;
  }

  function fail(errorHandle: QuickJSHandle, phase: Phase): Settled {
    const stop = stopped(phase);
    if (stop) return stop;
    const described = scope.manage(vm.callFunction(describeThrown, vm.undefined, errorHandle));
    if (described.error) {
      return {
        ok: false,
        failure: { type: 'Error', message: 'Code threw a value that cannot be read', nonRetryable: false },
      };
    }
    return { ok: false, failure: classify(JSON.parse(vm.getString(described.value)), phase, code, memoryLimitMb) };
  }

  function parseResult(json: QuickJSHandle): Settled {
    const chars = vm.getProp(json, 'length').consume((length) => vm.getNumber(length));
    if (chars > MAX_RESULT_JSON_CHARS) return { ok: false, failure: resultTooLarge(chars) };
    return { ok: true, value: JSON.parse(vm.getString(json)) };
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
        return parseResult(json.value);
      }
      if (!runtime.hasPendingJob()) return stopped('run') ?? { ok: false, failure: neverSettled() };
      const jobs = scope.manage(runtime.executePendingJobs(1));
      if (jobs.error) return fail(jobs.error, 'run');
    }
  }

  const settled = settle();
  if (droppedLines > 0) {
    log({
      level: 'warn',
      message: `${droppedLines} more console lines were dropped (limit ${MAX_CONSOLE_LINES})`,
    });
  }
  // Only reached while QuickJS is sound; runInQuickJs handles the other case.
  scope.dispose();
  vm.dispose();
  return settled;
}

function heapBytes(vm: QuickJSContext): number {
  return vm.runtime
    .computeMemoryUsage()
    .consume((usage) => vm.getProp(usage, 'memory_used_size').consume((size) => vm.getNumber(size)));
}

interface Thrown {
  name: string;
  message: string;
  stack: string;
}

const PROGRAMMING_ERRORS = new Set(['SyntaxError', 'ReferenceError', 'TypeError', 'RangeError']);

function classify(thrown: Thrown, phase: Phase, code: string, memoryLimitMb: number): CodeFailure {
  if (thrown.name === 'InternalError' && thrown.message.startsWith('out of memory')) {
    return outOfMemory(phase, memoryLimitMb);
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
  // A mistake in the code fails the same way on every attempt: the node fails at once.
  const nonRetryable = PROGRAMMING_ERRORS.has(thrown.name);
  return { type: thrown.name, message: thrown.message, nonRetryable, stack: userStack(thrown.stack) };
}

function syntaxErrorPlace(stack: string, code: string): string {
  const line = Number(/code\.js:(\d+)/.exec(stack)?.[1]);
  if (!line) return '';
  const lastLine = code.split('\n').length;
  return line > lastLine ? `(line ${lastLine}, at the end of the code)` : `(line ${line})`;
}

// Columns on line 1 are shifted by the wrapper; later lines already match the user's code.
function userStack(stack: string): string | undefined {
  if (!stack) return undefined;
  return stack.replace(/code\.js:1:(\d+)/g, (_, column: string) => `code.js:1:${Number(column) - WRAPPER_HEAD.length}`);
}

function truncate(message: string): string {
  return message.length > MAX_CONSOLE_LINE_CHARS ? `${message.slice(0, MAX_CONSOLE_LINE_CHARS)}… (truncated)` : message;
}

function outOfMemory(phase: Phase, memoryLimitMb: number): CodeFailure {
  return codeMemoryLimit(memoryLimitMb, phase === 'input' ? 'input' : 'run');
}

function resultTooLarge(jsonChars: number): CodeFailure {
  return {
    type: 'CodeResultTooLarge',
    message:
      `The code's return value is ${(jsonChars / MB).toFixed(1)} MB as JSON, more than the ` +
      `${MAX_RESULT_JSON_CHARS / MB} MB a run may return; return a summary instead`,
    nonRetryable: true,
  };
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
