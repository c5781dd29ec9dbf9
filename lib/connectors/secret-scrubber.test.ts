import { describe, expect, it } from 'vitest';
import { SecretScrubber } from './secret-scrubber';

describe('SecretScrubber', () => {
  it('masks secrets in nested values, keys included, and in their URL-encoded form', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('s3cr3t/token+1');
    scrubber.add('Bearer s3cr3t/token+1');
    expect(
      scrubber.value({
        headers: { 'x-echo': 'Bearer s3cr3t/token+1' },
        body: ['a s3cr3t/token+1 b', { 's3cr3t/token+1': 1 }, 7, null],
        url: 'https://x.test/?t=s3cr3t%2Ftoken%2B1',
      }),
    ).toEqual({
      headers: { 'x-echo': '[redacted]' },
      body: ['a [redacted] b', { '[redacted]': 1 }, 7, null],
      url: 'https://x.test/?t=[redacted]',
    });
  });

  it('leaves values alone when it holds no secret, and ignores values too short to tell apart', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('abc');
    const output = { text: 'abc abc' };
    expect(scrubber.value(output)).toBe(output);
    expect(scrubber.isEmpty).toBe(true);
  });
});
