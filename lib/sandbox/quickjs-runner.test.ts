import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeSandboxPool, runJavaScript, type CodeFailure, type JavaScriptRun } from './quickjs-runner';

const limits = { timeoutMs: 1000, memoryLimitMb: 32 };
// QuickJS checks its deadline once every ten thousand or so operations, and each of these takes ~40 ms:
// left to the sandbox thread alone, this would overrun its deadline by minutes.
const slowNativeLoop = 'for (;;) new Array(1e7).fill(1);';

afterAll(closeSandboxPool);

function run(code: string, options: Partial<JavaScriptRun> = {}) {
  return runJavaScript({ code, ...limits, ...options });
}

async function valueOf(code: string, options: Partial<JavaScriptRun> = {}): Promise<unknown> {
  const outcome = await run(code, options);
  if (!outcome.ok) expect.fail(`expected a value, got ${outcome.failure.type}: ${outcome.failure.message}`);
  return outcome.value;
}

async function failureOf(code: string, options: Partial<JavaScriptRun> = {}): Promise<CodeFailure> {
  const outcome = await run(code, options);
  if (outcome.ok) expect.fail(`expected a failure, got ${JSON.stringify(outcome.value)}`);
  return outcome.failure;
}

describe('runJavaScript', () => {
  it('returns what the code returns, computed from its input', async () => {
    const input = { items: [{ price: 3 }, { price: 4 }] };
    expect(await valueOf('return input.items.map((item) => item.price * 2)', { input })).toEqual([6, 8]);
  });

  it('awaits promises, including ones the code builds itself', async () => {
    const value = await valueOf(`
      const a = await Promise.resolve(2);
      const b = await new Promise((resolve) => resolve(3));
      const [c] = await Promise.all([(async () => 7)()]);
      return a * b * c;
    `);
    expect(value).toBe(42);
  });

  it('returns null when the code returns nothing', async () => {
    expect(await valueOf('const unused = 1;')).toBeNull();
    expect(await valueOf('return { toJSON() {} }')).toBeNull();
  });

  it('captures console lines with their level, formatting values the way Node does', async () => {
    const outcome = await run(`
      console.log('text', 1, -0, true, null, undefined, 10n, { a: [1, 'b'] });
      console.info('info');
      console.warn('warn');
      console.error(new TypeError('bad'));
      console.debug(function named() {}, Symbol('s'));
      return 'done';
    `);
    expect(outcome.ok).toBe(true);
    expect(outcome.console.map((line) => [line.level, line.message.split('\n')[0]])).toEqual([
      ['log', 'text 1 -0 true null undefined 10n {"a":[1,"b"]}'],
      ['info', 'info'],
      ['warn', 'warn'],
      ['error', 'TypeError: bad'],
      ['debug', '[Function: named] Symbol(s)'],
    ]);
  });

  it('caps the console lines a run may keep', async () => {
    const outcome = await run('for (let i = 0; i < 5000; i++) console.log(i);');
    expect(outcome.console).toHaveLength(1001);
    expect(outcome.console.at(-1)).toEqual({
      level: 'warn',
      message: expect.stringContaining('4000 more console lines'),
    });
  });

  it("reports the user's error with its name, message and a stack in their line numbers", async () => {
    const failure = await failureOf('const value = null;\nfunction read() {\n  return value.field;\n}\nread();');
    expect(failure).toMatchObject({ type: 'TypeError', message: expect.stringContaining("'field'") });
    // A mistake in the code fails the same way every time: not worth a retry.
    expect(failure.nonRetryable).toBe(true);
    expect(failure.stack).toContain('code.js:3:');
  });

  it.each([
    ['ReferenceError', 'return missing + 1'],
    ['RangeError', 'return new Array(-1)'],
  ])('does not retry a %s', async (type, code) => {
    expect(await failureOf(code)).toMatchObject({ type, nonRetryable: true });
  });

  it('reports a thrown non-error value as its message, and an error the code throws on purpose as worth a retry', async () => {
    expect(await failureOf("throw 'no invoices found'")).toMatchObject({ type: 'Error', message: 'no invoices found' });
    expect(await failureOf("throw new Error('the ledger is busy')")).toMatchObject({
      type: 'Error',
      message: 'the ledger is busy',
      nonRetryable: false,
    });
  });

  it('reports a syntax error with its line, as not worth retrying', async () => {
    const failure = await failureOf('const a = 1;\nconst = 2;');
    expect(failure).toMatchObject({ type: 'SyntaxError', nonRetryable: true });
    expect(failure.message).toContain('(line 2)');
  });

  it.each([
    ['a function', 'return () => 1', 'the value is a function'],
    ['a nested function', 'return { total: 1, format() {} }', 'the value at key "format" is a function'],
    ['a bigint', 'return 10n', 'the value is a bigint'],
    ['a cycle', 'const node = {}; node.self = node; return node', 'circular'],
  ])('refuses a return value that is not JSON: %s', async (_, code, problem) => {
    const failure = await failureOf(code);
    expect(failure).toMatchObject({ type: 'CodeResultNotJson', nonRetryable: true });
    expect(failure.message).toContain(problem);
  });

  it('refuses a return value too large to hand back', async () => {
    const failure = await failureOf("return 'x'.repeat(9 * 2 ** 20)", { memoryLimitMb: 64 });
    expect(failure).toMatchObject({ type: 'CodeResultTooLarge', nonRetryable: true });
    expect(failure.message).toContain('9.0 MB as JSON');
  });

  it('fails a run whose result waits on a promise nothing can settle', async () => {
    expect(await failureOf('await new Promise(() => {})')).toMatchObject({ type: 'CodeNeverSettled' });
  });

  it('does not start once the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(run('return 1', { signal: controller.signal })).rejects.toThrow('cancelled by the user');
  });
});

describe('runJavaScript isolation', () => {
  it('exposes no host globals', async () => {
    const names = ['process', 'require', 'module', 'fetch', 'setTimeout', 'WebAssembly', 'Buffer', 'std', 'os'];
    const types = await valueOf(`return ${JSON.stringify(names)}.map((name) => typeof globalThis[name])`);
    expect(types).toEqual(names.map(() => 'undefined'));
  });

  it.each([
    ['the global constructor chain', "this.constructor.constructor('return process')().exit(1)", 'ReferenceError'],
    ['a function constructor', "(function () {}).constructor('return globalThis.process')().exit(1)", 'TypeError'],
    ['require', "require('fs').readFileSync('/etc/passwd', 'utf8')", 'ReferenceError'],
    ['dynamic import', "await import('fs')", 'ReferenceError'],
    ['fetch', "await globalThis.fetch('https://example.com')", 'TypeError'],
  ])('stops an escape through %s', async (_, code, type) => {
    expect(await failureOf(code)).toMatchObject({ type });
  });

  it('keeps prototype pollution inside the sandbox and leaves the input untouched', async () => {
    const input = { list: [1, 2], nested: { x: 1 } };
    const value = await valueOf(
      `Object.prototype.polluted = 1;
       Array.prototype.push = null;
       input.list.length = 0;
       input.nested.x = 2;
       return input;`,
      { input },
    );
    expect(value).toEqual({ list: [], nested: { x: 2 } });
    expect(input).toEqual({ list: [1, 2], nested: { x: 1 } });
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
    expect(await valueOf('return [({}).polluted, typeof [].push]')).toEqual([null, 'function']);
  });

  it.each([
    ['a busy loop', 'while (true) {}'],
    ['a loop that catches what it can', 'for (;;) { try { while (true) {} } catch {} }'],
    ['an endless chain of awaits', 'for (;;) await null;'],
  ])('stops %s at the timeout', async (_, code) => {
    const failure = await failureOf(code, { timeoutMs: 200 });
    expect(failure).toEqual({ type: 'CodeTimeout', message: 'Code ran longer than 200 ms', nonRetryable: true });
  });

  it.each([
    ['large arrays', 'const a = []; while (true) a.push(new Array(1e6).fill(1));'],
    ['a giant string', "return 'x'.repeat(2 ** 29).length;"],
    ['many small objects', 'const a = []; for (let i = 0; ; i++) a.push({ i });'],
    ['typed arrays kept in a global', 'globalThis.keep = []; for (;;) keep.push(new Uint8Array(1e6));'],
  ])('stops %s at the memory limit', { timeout: 20_000 }, async (_, code) => {
    // A generous deadline, so a loaded machine cannot make the timeout win the race.
    const failure = await failureOf(code, { timeoutMs: 15_000 });
    expect(failure).toMatchObject({ type: 'CodeMemoryLimit', nonRetryable: true });
    expect(failure.message).toContain('32 MB');
  });

  it.each([
    ['plain recursion', 'function deeper(n) { return deeper(n + 1) + 1; } return deeper(0);'],
    ['recursion through callbacks', 'function deeper() { return [1].map(deeper); } return deeper();'],
    // The parser's frames use so much native stack that Node's limit is reached before QuickJS's.
    ['a deeply nested expression (host stack)', "return eval('('.repeat(100000));"],
    ['deeply nested JSON (host stack)', "return JSON.parse('['.repeat(100000));"],
  ])('stops %s at the stack limit', async (_, code) => {
    expect(await failureOf(code)).toMatchObject({ type: 'CodeStackOverflow', nonRetryable: true });
  });

  it('still runs normal code after every attack above', async () => {
    expect(await valueOf('return input * 2', { input: 21 })).toBe(42);
  });
});

describe('runJavaScript on sandbox threads', () => {
  // Two warm threads whatever the machine, so that runs queue and a replaced thread gets work.
  beforeAll(async () => {
    await closeSandboxPool();
    vi.stubEnv('CODE_SANDBOX_THREADS', '2');
    await Promise.all([valueOf('return 1'), valueOf('return 2')]);
  });

  afterAll(async () => {
    await closeSandboxPool();
    vi.unstubAllEnvs();
  });

  it('leaves the event loop free while a script runs', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 50);
    const failure = await failureOf('while (true) {}', { timeoutMs: 2000 }).finally(() => clearInterval(ticker));
    expect(failure.type).toBe('CodeTimeout');
    // 40 ticks on an idle machine; an event loop blocked by the script would have run at most one.
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  it('stops a running script as soon as its signal is aborted', async () => {
    const controller = new AbortController();
    const running = run('while (true) {}', { timeoutMs: 10_000, signal: controller.signal });
    await sleep(300);
    // Its own timeout is 10 s away: settling with the abort's reason proves the abort stopped it.
    controller.abort(new Error('activity cancelled'));
    await expect(running).rejects.toThrow('activity cancelled');
  });

  it('stops a native call that overruns the deadline', async () => {
    const failure = await failureOf(slowNativeLoop, { timeoutMs: 300, memoryLimitMb: 256 });
    expect(failure).toEqual({ type: 'CodeTimeout', message: 'Code ran longer than 300 ms', nonRetryable: true });
  });

  it('queues runs beyond the number of threads and completes them all', async () => {
    const inputs = [1, 2, 3, 4, 5, 6];
    const code = 'let sum = 0; for (let i = 0; i < 1e5; i++) sum += i; return sum + input;';
    const values = await Promise.all(inputs.map((input) => valueOf(code, { input })));
    expect(values).toEqual(inputs.map((input) => 4_999_950_000 + input));
  });

  it('replaces a terminated thread', async () => {
    expect(await failureOf(slowNativeLoop, { timeoutMs: 100, memoryLimitMb: 256 })).toMatchObject({
      type: 'CodeTimeout',
    });
    // As many runs as threads, so that one of them lands on the replacement.
    expect(await Promise.all([valueOf('return 1 + 1'), valueOf('return 2 + 2')])).toEqual([2, 4]);
  });
});
