'use client';

import { useMemo, useState } from 'react';
import { ArrowDownToLine } from 'lucide-react';
import { cn } from '@/components/ui/cn';
import { Button } from '@/components/ui/button';
import type { RunLogLine } from '@/lib/events/run-stream-schema';
import { filterLogs, LOG_LEVELS, NO_FILTER, type LogFilter, type LogLevel } from './log-filter';
import { Timestamp } from './timestamp';
import { useFollowScroll } from './use-follow-scroll';

const LEVEL_STYLES: Record<LogLevel, string> = {
  DEBUG: 'text-muted-foreground',
  INFO: 'text-primary',
  WARN: 'text-warning',
  ERROR: 'text-danger',
};

const selectClass = 'h-8 rounded-md border border-border bg-surface px-2 text-xs';

/** The run log as it grows: filter by level and node, search, and follow the newest line. */
export function LogPanel({
  lines,
  omitted,
  nodes,
  onSelectNode,
}: {
  lines: RunLogLine[];
  omitted: number;
  /** Node ids and their labels, for the node filter. */
  nodes: { id: string; label: string }[];
  onSelectNode: (nodeId: string) => void;
}) {
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);
  const shown = useMemo(() => filterLogs(lines, filter), [lines, filter]);
  const { ref, following, onScroll, jumpToLatest } = useFollowScroll(shown.length);
  const set = (change: Partial<LogFilter>) => setFilter((current) => ({ ...current, ...change }));
  return (
    <section aria-label="Run log" className="flex min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-border px-4 py-2">
        <h2 className="mr-2 text-sm font-medium">Log</h2>
        <select
          aria-label="Level"
          className={selectClass}
          value={filter.minLevel}
          onChange={(event) => set({ minLevel: event.target.value as LogLevel })}
        >
          {LOG_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level === 'DEBUG' ? 'All levels' : `${level.toLowerCase()} and above`}
            </option>
          ))}
        </select>
        <select
          aria-label="Node"
          className={selectClass}
          value={filter.nodeId}
          onChange={(event) => set({ nodeId: event.target.value })}
        >
          <option value="">All nodes</option>
          {nodes.map((node) => (
            <option key={node.id} value={node.id}>
              {node.label}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="Search the log"
          placeholder="Search"
          className={cn(selectClass, 'w-48')}
          value={filter.search}
          onChange={(event) => set({ search: event.target.value })}
        />
        <span className="ml-auto text-xs text-muted-foreground" data-testid="log-count">
          {shown.length === lines.length ? '' : `${shown.length} of `}
          {lines.length === 1 ? '1 line' : `${lines.length} lines`}
        </span>
        {following ? (
          <span className="text-xs text-muted-foreground">Following</span>
        ) : (
          <Button variant="secondary" size="sm" className="h-7 text-xs" onClick={jumpToLatest}>
            <ArrowDownToLine />
            Follow
          </Button>
        )}
      </div>
      <div
        ref={ref}
        onScroll={onScroll}
        role="log"
        aria-label="Log lines"
        className="min-h-0 flex-1 overflow-auto py-1 font-mono text-xs"
      >
        {omitted > 0 && <p className="px-4 py-1 text-muted-foreground">{omitted} earlier lines are not shown.</p>}
        {lines.length === 0 && (
          <p className="px-4 py-2 font-sans text-muted-foreground">
            No log lines yet. A code node’s console output and a node’s own log lines appear here as they are written.
          </p>
        )}
        {shown.map((line, index) => (
          <div key={`${line.seq}-${index}`} data-testid="log-line" className="flex gap-3 px-4 py-0.5 hover:bg-muted/50">
            <span className="shrink-0 text-muted-foreground tabular-nums">
              <Timestamp iso={line.ts} precise />
            </span>
            <span className={cn('w-11 shrink-0 font-medium', LEVEL_STYLES[line.level])}>{line.level}</span>
            {line.nodeId ? (
              <button
                type="button"
                className="shrink-0 text-muted-foreground hover:text-foreground hover:underline"
                onClick={() => onSelectNode(line.nodeId!)}
              >
                {line.nodeId}
                {line.attempt && line.attempt > 1 ? ` #${line.attempt}` : ''}
              </button>
            ) : null}
            <span className="min-w-0 break-words whitespace-pre-wrap">
              {line.message}
              {line.data != null && <span className="text-muted-foreground"> {JSON.stringify(line.data)}</span>}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}
