import { describe, expect, it } from 'vitest';
import { childPath, indexProblems, problemAt } from './problem-paths';

describe('problemAt', () => {
  const index = indexProblems({
    'config.url': 'url must be an absolute http:// or https:// URL',
    'config.cases[0].when': '{{ x > }} does not parse',
    'config.cases.0.name': 'Case names are used as handle names',
    'config.body.value.items': 'too deep',
  });

  it('reads dotted and bracketed paths alike', () => {
    expect(problemAt(index, 'config.url')).toMatch(/absolute/);
    expect(problemAt(index, 'config.cases.0.when')).toMatch(/does not parse/);
    expect(problemAt(index, 'config.cases.0.name')).toMatch(/handle names/);
    expect(problemAt(index, 'config.cases.1.name')).toBeUndefined();
  });

  it('gathers the problems below a path only when asked', () => {
    expect(problemAt(index, 'config.body.value')).toBeUndefined();
    expect(problemAt(index, 'config.body.value', true)).toBe('too deep');
    expect(problemAt(index, 'config.cases', true)).toBe(
      '{{ x > }} does not parse; Case names are used as handle names',
    );
  });

  it('joins two messages for one path', () => {
    expect(problemAt(indexProblems({ 'a[1]': 'one', 'a.1': 'two' }), 'a.1')).toBe('one; two');
  });
});

describe('childPath', () => {
  it('joins with a dot below the root', () => {
    expect(childPath('config', 'url')).toBe('config.url');
    expect(childPath('config.cases', 0)).toBe('config.cases.0');
    expect(childPath('', 'url')).toBe('url');
  });
});
