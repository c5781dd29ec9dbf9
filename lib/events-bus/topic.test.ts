import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { topicSchema } from './topic';

describe('topicSchema', () => {
  it('takes lower-case names of letters, digits, dots, underscores and dashes', () => {
    for (const topic of ['invoice.received', 'a', '0', 'orders_v2-created', 'x'.repeat(100)]) {
      expect(topicSchema().safeParse(topic).success, topic).toBe(true);
    }
  });

  it('refuses anything else, naming the field it was given', () => {
    const message =
      'config.topic must be 1 to 100 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit (such as "invoice.received")';
    for (const topic of ['', 'Invoice', '.hidden', '-x', 'a/b', 'a b', 'x'.repeat(101), 'é']) {
      const result = topicSchema('config.topic').safeParse(topic);
      expect(result.success, topic).toBe(false);
      expect(result.error?.issues[0].message).toBe(message);
    }
    expect(topicSchema('topic').safeParse(5).error?.issues[0].message).toBe('topic must be text');
  });

  it('reports the path of the field inside an object', () => {
    const result = z.object({ topic: topicSchema() }).safeParse({ topic: 'A' });
    expect(result.error?.issues[0].path).toEqual(['topic']);
  });
});
