import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileJsonata } from './jsonata-engine';
import { LinearRegExp } from './linear-regexp';

describe('compileJsonata', () => {
  it('keeps regexes on the linear engine, whatever another compile asks for', () => {
    const program = compileJsonata('$replace(text, /(a+)+$/, "x")');
    // JSONata 1.8 takes options its typings (1.7) do not list.
    (jsonata as unknown as (expression: string, options: object) => unknown)('$pad("a", 2)', { RegexEngine: RegExp });
    expect((jsonata as unknown as { RegexEngine: unknown }).RegexEngine).toBe(LinearRegExp);
    expect(program.evaluate({ text: 'baa' })).toBe('bx');
  });
});
