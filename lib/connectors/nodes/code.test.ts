import { afterAll, describe, expect, it } from 'vitest';
import { closeSandboxPool } from '../../sandbox/quickjs-runner';
import { NodeFailure } from '../define-node';
import { code as codeNode } from './code';
import { executeActivityNode } from '../execute-activity-node';
import { testActivityContext } from '../test-activity-context';

afterAll(closeSandboxPool);

describe('code.javascript node', () => {
  const contextFor = (config: unknown, signal?: AbortSignal) =>
    testActivityContext(codeNode, config, { nodeId: 'code-1', signal });

  async function nodeFailureOf(config: unknown): Promise<NodeFailure> {
    const error = await executeActivityNode(codeNode, contextFor(config).context).then(
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
    expect(await executeActivityNode(codeNode, context)).toBe(2);
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
    const error = await executeActivityNode(codeNode, context).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NodeFailure);
    expect((error as NodeFailure).options).toMatchObject({
      type: 'TypeError',
      nonRetryable: true,
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
    await expect(executeActivityNode(codeNode, context)).rejects.toThrow('activity cancelled');
  });
});
