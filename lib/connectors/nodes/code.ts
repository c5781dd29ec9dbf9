import { z } from 'zod';
import { defineNode, NodeFailure, type NodeLogEntry } from '../define-node';
import { MAX_MEMORY_LIMIT_MB, MAX_TIMEOUT_MS, runJavaScript, type ConsoleLevel } from '../../sandbox/quickjs-runner';

const logLevels: Record<ConsoleLevel, NodeLogEntry['level']> = {
  log: 'INFO',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  debug: 'DEBUG',
};

export const code = defineNode({
  type: 'code.javascript',
  kind: 'activity',
  category: 'action',
  label: 'Code (JavaScript)',
  description: 'Runs your JavaScript in an isolated sandbox: it reads `input`, may `await`, and returns JSON.',
  icon: 'code',
  config: z.object({
    code: z.string().min(1, 'Write the JavaScript to run'),
    input: z.unknown().optional(),
    timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS).default(1000),
    memoryLimitMb: z.number().int().min(1).max(MAX_MEMORY_LIMIT_MB).default(32),
  }),
  output: z.unknown(),
  async execute({ config, log, signal }) {
    const outcome = await runJavaScript({ ...config, signal });
    for (const line of outcome.console) log({ level: logLevels[line.level], message: line.message });
    if (!outcome.ok) {
      const { message, type, nonRetryable, stack } = outcome.failure;
      throw new NodeFailure(message, { type, nonRetryable, details: stack === undefined ? undefined : { stack } });
    }
    return outcome.value;
  },
});
