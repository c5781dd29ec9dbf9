import { describe, expect, it } from 'vitest';
import { MAX_OUTPUT_DEPTH, unstorableOutput } from './storable-output';

const nested = (levels: number) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('unstorableOutput', () => {
  it('accepts ordinary outputs up to the depth limit', () => {
    expect(unstorableOutput({ status: 200, body: { items: [1, 'two', null, { ok: true }] } })).toBeUndefined();
    expect(unstorableOutput(nested(MAX_OUTPUT_DEPTH))).toBeUndefined();
  });

  it('names the path of nesting too deep to store, without overflowing its own stack', () => {
    expect(unstorableOutput(nested(MAX_OUTPUT_DEPTH + 1))).toMatch(
      new RegExp(
        `^output(\\.a|\\[0\\]){${MAX_OUTPUT_DEPTH}} nests objects and arrays more than ${MAX_OUTPUT_DEPTH} levels deep$`,
      ),
    );
    expect(unstorableOutput(nested(200_000))).toContain('more than 64 levels deep');
  });

  it('refuses NUL characters in values and keys', () => {
    expect(unstorableOutput({ body: ['ok', 'a\u0000b'] })).toBe(
      'output.body[1] contains a NUL character (\\u0000), which cannot be stored',
    );
    expect(unstorableOutput({ 'k\u0000': 1 })).toBe(
      'output has a key with a NUL character (\\u0000), which cannot be stored',
    );
  });
});
