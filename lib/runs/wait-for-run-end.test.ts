import { describe, expect, it } from 'vitest';
import { parseWait } from './wait-for-run-end';

const refusal = (value: string) => {
  try {
    parseWait(value);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('parseWait', () => {
  it('reads seconds, milliseconds and bare seconds, up to 60 s; absent is no wait', () => {
    expect(parseWait(null)).toBe(0);
    expect(parseWait('30s')).toBe(30_000);
    expect(parseWait('500ms')).toBe(500);
    expect(parseWait('60')).toBe(60_000);
    expect(parseWait('0s')).toBe(0);
  });

  it('refuses anything else with a 400 naming wait', () => {
    for (const value of ['abc', '', '61s', '60001ms', '-1s', '1.5s', '1m']) {
      expect(refusal(value)).toMatchObject({
        status: 400,
        code: 'invalid_request',
        message: expect.stringMatching(/^wait: /),
        details: [{ path: 'wait' }],
      });
    }
  });
});
