import { describe, expect, it } from 'vitest';
import { nodeErrorSchema } from '@/lib/events/run-stream-schema';
import { readNodeError } from './node-error-data';

describe('readNodeError', () => {
  it('reads what nodeErrorSchema reads, and refuses what it refuses', () => {
    const values: unknown[] = [
      { message: 'Unauthorized', type: 'HttpError401' },
      { message: 'boom', type: 'Error', nodeId: 'code', details: { stack: 'at x' }, extra: true },
      { message: 'no details', type: 'Error', details: undefined },
      { message: 'bad node', type: 'Error', nodeId: 7 },
      { message: 'no type' },
      ['message', 'type'],
      'a string',
      null,
      undefined,
    ];
    for (const value of values) {
      const parsed = nodeErrorSchema.safeParse(value);
      expect(readNodeError(value)).toEqual(parsed.success ? parsed.data : null);
    }
  });
});
