import { describe, expect, it } from 'vitest';
import { minimalChange } from './doc-change';

const apply = (text: string, change: ReturnType<typeof minimalChange>) =>
  change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;

describe('minimalChange', () => {
  it('replaces only what differs', () => {
    expect(minimalChange('hello world', 'hello brave world')).toEqual({ from: 6, to: 6, insert: 'brave ' });
    expect(minimalChange('abcdef', 'abef')).toEqual({ from: 2, to: 4, insert: '' });
    expect(minimalChange('same', 'same')).toBeNull();
  });

  it('never lets prefix and suffix overlap on repeated text', () => {
    for (const [a, b] of [
      ['aaa', 'aaaa'],
      ['aaaa', 'aa'],
      ['', 'x'],
      ['abab', 'ab'],
    ]) {
      expect(apply(a, minimalChange(a, b))).toBe(b);
    }
  });
});
