import { describe, expect, it } from 'vitest';
import { formatMoment } from './timestamp';

const intlFull = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });
const intlClock = new Intl.DateTimeFormat('en', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});
// Intl may put a narrow no-break space before AM/PM; the page writes a plain one.
const plainSpaces = (text: string) => text.replace(/\u202f/g, ' ');

describe('formatMoment', () => {
  it('writes what Intl’s medium style and a 24-hour clock write, in this machine’s time zone', () => {
    const moments = [
      new Date(2026, 10, 30, 13, 2, 3, 45),
      new Date(2026, 0, 5, 0, 0, 9, 7),
      new Date(2027, 6, 14, 12, 59, 59, 999),
      new Date(2026, 2, 1, 9, 30, 0, 0),
    ];
    for (const date of moments) {
      expect(formatMoment(date, false)).toBe(plainSpaces(intlFull.format(date)));
      expect(formatMoment(date, true)).toBe(intlClock.format(date));
    }
  });
});
