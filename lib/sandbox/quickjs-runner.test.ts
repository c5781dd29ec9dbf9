import { describe, expect, it } from 'vitest';
import { NodeFailure, type NodeLogEntry } from '../connectors/define-node';
import { code as codeNode } from '../connectors/nodes/code';
import { runJavaScript, type CodeFailure, type JavaScriptRun } from './quickjs-runner';

const limits = { timeoutMs: 1000, memoryLimitMb: 32 };

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
    expect(failure.nonRetryable).toBe(false);
    expect(failure.stack).toContain('code.js:3:');
  });

  it('reports a thrown non-error value as its message', async () => {
    expect(await failureOf("throw 'no invoices found'")).toMatchObject({ type: 'Error', message: 'no invoices found' });
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
    const started = performance.now();
    const failure = await failureOf(code, { timeoutMs: 200 });
    expect(failure).toEqual({ type: 'CodeTimeout', message: 'Code ran longer than 200 ms', nonRetryable: true });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it.each([
    ['large arrays', 'const a = []; while (true) a.push(new Array(1e6).fill(1));'],
    ['a giant string', "return 'x'.repeat(2 ** 29).length;"],
    ['many small objects', 'const a = []; for (let i = 0; ; i++) a.push({ i });'],
    ['typed arrays kept in a global', 'globalThis.keep = []; for (;;) keep.push(new Uint8Array(1e6));'],
  ])('stops %s at the memory limit', { timeout: 20_000 }, async (_, code) => {
    const failure = await failureOf(code);
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

describe('code.javascript node', () => {
  function contextFor(config: unknown, signal = new AbortController().signal) {
    const logs: NodeLogEntry[] = [];
    const context = {
      config: codeNode.config.parse(config),
      run: { runId: 'run-1', orgId: 'org-1', nodeId: 'code-1', attempt: 1 },
      idempotencyKey: 'run-1:code-1',
      log: (entry: NodeLogEntry) => void logs.push(entry),
      signal,
    };
    return { context, logs };
  }

  async function nodeFailureOf(config: unknown): Promise<NodeFailure> {
    const error = await codeNode.execute(contextFor(config).context).then(
      () => expect.fail('the code should have failed'),
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(NodeFailure);
    return error as NodeFailure;
  }

  it('fills in the default limits and bounds them', () => {
    expect(codeNode.config.parse({ code: 'return 1' })).toEqual({
      code: 'return 1',
      timeoutMs: 1000,
      memoryLimitMb: 32,
    });
    expect(codeNode.config.safeParse({ code: '' }).success).toBe(false);
    expect(codeNode.config.safeParse({ code: 'return 1', timeoutMs: 30_001 }).success).toBe(false);
    expect(codeNode.config.safeParse({ code: 'return 1', memoryLimitMb: 257 }).success).toBe(false);
  });

  it('returns the value and sends console lines to the run log at their levels', async () => {
    const { context, logs } = contextFor({
      code: "console.log('l'); console.info('i'); console.warn('w'); console.error('e'); console.debug('d'); return input.n + 1;",
      input: { n: 1 },
    });
    expect(await codeNode.execute(context)).toBe(2);
    expect(logs).toEqual([
      { level: 'INFO', message: 'l' },
      { level: 'INFO', message: 'i' },
      { level: 'WARN', message: 'w' },
      { level: 'ERROR', message: 'e' },
      { level: 'DEBUG', message: 'd' },
    ]);
  });

  it('fails with the user error, keeping the lines logged before it', async () => {
    const { context, logs } = contextFor({ code: "console.log('before');\nnull.field;" });
    const error = await codeNode.execute(context).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NodeFailure);
    expect((error as NodeFailure).options).toMatchObject({
      type: 'TypeError',
      nonRetryable: false,
      details: { stack: expect.stringContaining('code.js:2:') },
    });
    expect(logs).toEqual([{ level: 'INFO', message: 'before' }]);
  });

  it.each([
    [{ code: 'while (true) {}', timeoutMs: 100 }, 'CodeTimeout', 'Code ran longer than 100 ms'],
    [{ code: "return 'x'.repeat(2 ** 29)", memoryLimitMb: 8 }, 'CodeMemoryLimit', '8 MB'],
    [{ code: 'return (' }, 'SyntaxError', 'line'],
    [{ code: 'return Symbol()' }, 'CodeResultNotJson', 'symbol'],
  ])('turns a sandbox limit into a non-retryable NodeFailure: %j', async (config, type, message) => {
    const failure = await nodeFailureOf(config);
    expect(failure.options).toMatchObject({ type, nonRetryable: true });
    expect(failure.message).toContain(message);
  });

  it('rethrows the cancellation when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('activity cancelled'));
    const { context } = contextFor({ code: 'return 1' }, controller.signal);
    await expect(codeNode.execute(context)).rejects.toThrow('activity cancelled');
  });
});
