import type { LastPrune } from './last-prune';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "29 Nov 2026, 03:00 UTC: 12 runs and 340 log lines", the same wherever it is shown. */
export function describePrune(prune: LastPrune): string {
  const at = new Date(prune.at).toLocaleString('en-GB', {
    timeZone: 'UTC',
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return `${at} UTC: ${count(prune.runs, 'run', 'runs')} and ${count(prune.logs, 'log line', 'log lines')}`;
}
