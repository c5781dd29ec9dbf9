import { describe, expect, it } from 'vitest';
import { cronProblem, timezoneProblem } from './cron-expression';

describe('cronProblem', () => {
  it('accepts five-field expressions with lists, ranges, steps and names, and the shorthands', () => {
    for (const cron of [
      '* * * * *',
      '*/5 * * * *',
      '0 9 * * 1-5',
      '0,30 8-18/2 1 JAN-MAR mon',
      '0 0 * * 7',
      '@daily',
    ]) {
      expect(cronProblem(cron)).toBeNull();
    }
  });

  it('names the field at fault', () => {
    expect(cronProblem('61 * * * *')).toBe('minute "61": values must be 0–59');
    expect(cronProblem('* * * *')).toBe('"* * * *" has 4 field(s), not 5 (minute hour day-of-month month day-of-week)');
    expect(cronProblem('0 9 * * FRI-MON')).toBe('day of week "FRI-MON": the range runs backwards');
    expect(cronProblem('*/0 * * * *')).toBe('minute "*/0": the step after "/" must be a whole number from 1');
    expect(cronProblem('0 1, * * *')).toBe('hour: an empty item in a list');
    expect(cronProblem('@sometimes')).toBe(
      '"@sometimes" is not a shorthand: use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly',
    );
  });
});

describe('timezoneProblem', () => {
  it('accepts IANA names and refuses others', () => {
    expect(timezoneProblem('Europe/Berlin')).toBeNull();
    expect(timezoneProblem('UTC')).toBeNull();
    expect(timezoneProblem('Mars/Olympus')).toBe(
      '"Mars/Olympus" is not an IANA time zone (such as UTC, Europe/Berlin or America/New_York)',
    );
  });
});
