import type { RunLogLine } from '@/lib/events/run-stream-schema';

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogFilter {
  /** Lines at this level and above. */
  minLevel: LogLevel;
  /** One node's lines, or every line when empty. */
  nodeId: string;
  /** Case-insensitive text the message (or its data) contains. */
  search: string;
}

export const NO_FILTER: LogFilter = { minLevel: 'DEBUG', nodeId: '', search: '' };

const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);

export function filterLogs(lines: RunLogLine[], filter: LogFilter): RunLogLine[] {
  const search = filter.search.trim().toLowerCase();
  const least = rank(filter.minLevel);
  return lines.filter(
    (line) =>
      rank(line.level) >= least &&
      (!filter.nodeId || line.nodeId === filter.nodeId) &&
      (!search ||
        line.message.toLowerCase().includes(search) ||
        (line.data != null && JSON.stringify(line.data).toLowerCase().includes(search))),
  );
}
