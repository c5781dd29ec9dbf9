// Checks a cron expression before Temporal sees it, so a bad one is refused at publishing,
// naming the field, instead of failing the schedule later. Pure: the schedule trigger's zod
// schema uses it, and that schema is bundled into the workflow sandbox.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  name: string;
  min: number;
  max: number;
  /** Names standing for numbers, the first for `min`. */
  names?: string[];
}

const FIELDS: CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 7 is Sunday too, as in most crons.
  { name: 'day of week', min: 0, max: 7, names: DAYS },
];

const SHORTHANDS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function valueOf(text: string, field: CronField): number | null {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return field.min + named;
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : null;
}

function partProblem(part: string, field: CronField): string | null {
  const [range, step, extra] = part.split('/');
  const range_ = `${field.name} "${part}"`;
  if (extra !== undefined) return `${range_} has more than one "/"`;
  if (step !== undefined && !/^[1-9]\d*$/.test(step))
    return `${range_}: the step after "/" must be a whole number from 1`;
  if (range === '*') return null;
  const bounds = range.split('-');
  if (bounds.length > 2) return `${range_} is not a value or a range`;
  const values = bounds.map((bound) => valueOf(bound, field));
  if (values.some((value) => value === null)) {
    const names = field.names ? ` or ${field.names[0]}–${field.names[field.names.length - 1]}` : '';
    return `${range_}: values must be ${field.min}–${field.max}${names}`;
  }
  if (values.length === 2 && values[0]! > values[1]!) return `${range_}: the range runs backwards`;
  return null;
}

/**
 * Why a cron expression is not one Temporal Schedules run as this platform documents them
 * (five fields: minute hour day-of-month month day-of-week, with `*`, lists, ranges, steps and
 * month or day names, or a shorthand such as `@daily`), or null when it is.
 */
export function cronProblem(expression: string): string | null {
  const trimmed = expression.trim();
  if (trimmed.startsWith('@')) {
    return SHORTHANDS.has(trimmed.toLowerCase())
      ? null
      : `"${trimmed}" is not a shorthand: use ${[...SHORTHANDS].join(', ')}`;
  }
  const parts = trimmed.split(/\s+/).filter(Boolean);
  if (parts.length !== FIELDS.length) {
    return `"${trimmed}" has ${parts.length} field(s), not 5 (minute hour day-of-month month day-of-week)`;
  }
  for (const [index, field] of FIELDS.entries()) {
    for (const part of parts[index].split(',')) {
      const problem = part === '' ? `${field.name}: an empty item in a list` : partProblem(part, field);
      if (problem) return problem;
    }
  }
  return null;
}

/** Why a time zone is not an IANA name this runtime knows, or null when it is. */
export function timezoneProblem(timezone: string): string | null {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return null;
  } catch {
    return `"${timezone}" is not an IANA time zone (such as UTC, Europe/Berlin or America/New_York)`;
  }
}
