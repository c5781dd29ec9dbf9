'use client';

import { memo, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { cn } from '@/components/ui/cn';
import { formatDuration } from '@/components/format';
import type { RunStepData } from '@/lib/events/run-stream-schema';
import { axisTicks, buildTrace, visibleRows, type TraceBar } from './trace-bars';
import { useNow } from './use-now';

const ROW_HEIGHT = 24;
const TOOLTIP_WIDTH = 256;
const TOOLTIP_HEIGHT = 120;

const STATUS_FILL: Record<string, string> = {
  SUCCEEDED: 'bg-success',
  FAILED: 'bg-danger',
  RUNNING: 'bg-primary animate-pulse',
  CANCELLED: 'bg-muted-foreground',
};

// Waiting is hatched in the warning colour, whatever became of the step; its border tells that.
const HATCHED: CSSProperties = {
  backgroundImage: 'repeating-linear-gradient(135deg, var(--color-warning) 0 3px, transparent 3px 7px)',
};
const STATUS_BORDER: Record<string, string> = {
  SUCCEEDED: 'border-success',
  FAILED: 'border-danger',
  WAITING: 'border-warning',
};

const percent = (value: number, span: number) => `${span > 0 ? (value / span) * 100 : 0}%`;

function attemptLabel(bar: TraceBar) {
  return `${bar.iteration > 0 ? `pass ${bar.iteration + 1}, ` : ''}attempt ${bar.attempt}`;
}

/** What tells a row from the node's other rows: its loop pass, its retry. */
const rowSuffix = (bar: TraceBar) =>
  [bar.iteration > 0 && `pass ${bar.iteration + 1}`, bar.attempt > 1 && `attempt ${bar.attempt}`]
    .filter(Boolean)
    .join(', ');

export interface TraceSelection {
  nodeId: string;
  /** The chosen bar's key (`nodeId:iteration:attempt`). */
  key: string;
}

interface Hover {
  bar: TraceBar;
  /** Where the pointer was, relative to the panel. */
  x: number;
  y: number;
}

/**
 * The run's Gantt trace: a row per attempt of every node on one time axis, so parallel branches
 * overlap, retries stand apart (their backoff hatched before them) and waiting is drawn hatched.
 * Only the rows in view are drawn, so a run of 10,000 steps scrolls as lightly as one of ten.
 */
export function RunTrace({
  steps,
  run,
  live,
  nodeTypeOf,
  labelOf,
  selectedKey,
  onSelect,
}: {
  steps: RunStepData[];
  run: { startedAt: string | null; endedAt: string | null };
  /** The run is still going: live bars grow with the clock. */
  live: boolean;
  nodeTypeOf: (nodeId: string) => string | undefined;
  labelOf: (nodeId: string) => string;
  selectedKey: string | null;
  onSelect: (selection: TraceSelection) => void;
}) {
  const now = useNow(live);
  const trace = useMemo(() => buildTrace(steps, nodeTypeOf, run, now), [steps, nodeTypeOf, run, now]);
  const span = trace.end - trace.start;
  const ticks = useMemo(() => axisTicks(span), [span]);
  const panel = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [hover, setHover] = useState<Hover | null>(null);
  useLayoutEffect(() => {
    const element = scroller.current!;
    const measure = () => setView({ top: element.scrollTop, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const { first, last } = visibleRows(trace.bars.length, ROW_HEIGHT, view.top, view.height);
  const shown = trace.bars.slice(first, last);
  const hovered = hover && trace.bars.find((bar) => bar.key === hover.bar.key);
  const showHover = (bar: TraceBar, target: Element) => {
    const box = target.getBoundingClientRect();
    const origin = panel.current!.getBoundingClientRect();
    // Below the bar, or above it near the panel's bottom edge.
    const below = box.bottom - origin.top + 4;
    const y = below + TOOLTIP_HEIGHT > origin.height ? box.top - origin.top - TOOLTIP_HEIGHT - 4 : below;
    setHover({ bar, x: Math.min(box.left - origin.left, origin.width - TOOLTIP_WIDTH - 8), y });
  };
  return (
    <section ref={panel} aria-label="Trace" className="relative flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-4 border-b border-border px-4 py-2 text-xs text-muted-foreground">
        <span data-testid="trace-count">{trace.bars.length === 1 ? '1 step' : `${trace.bars.length} steps`}</span>
        <span>{formatDuration(Math.round(span))} in all</span>
        <Legend className="bg-success" label="Ran" />
        <Legend className="bg-danger" label="Failed" />
        <Legend style={HATCHED} className="border border-warning" label="Waiting (approval, delay, retry backoff)" />
      </div>
      <div className="flex border-b border-border text-[11px] text-muted-foreground">
        <div className="w-52 shrink-0 px-4 py-1">Node</div>
        <div className="relative mr-4 flex-1" aria-hidden>
          {ticks.map((tick) => (
            <span
              key={tick}
              className="absolute top-1 -translate-x-1/2 tabular-nums"
              style={{ left: percent(tick, span) }}
            >
              {formatDuration(Math.round(tick))}
            </span>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className="min-h-0 flex-1 overflow-auto"
        onScroll={(event) => {
          setHover(null);
          setView({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight });
        }}
      >
        {trace.bars.length === 0 ? (
          <p className="px-4 py-2 text-sm text-muted-foreground">No step has started yet.</p>
        ) : (
          <div className="relative" style={{ height: trace.bars.length * ROW_HEIGHT }} role="list" aria-label="Steps">
            {shown.map((bar, index) => (
              <TraceRow
                key={bar.key}
                bar={bar}
                top={(first + index) * ROW_HEIGHT}
                origin={trace.start}
                span={span}
                label={labelOf(bar.nodeId)}
                selected={bar.key === selectedKey}
                onSelect={onSelect}
                onHover={showHover}
                onLeave={() => setHover(null)}
              />
            ))}
          </div>
        )}
      </div>
      {hovered && (
        <BarTimings bar={hovered} label={labelOf(hovered.nodeId)} origin={trace.start} x={hover.x} y={hover.y} />
      )}
    </section>
  );
}

function Legend({ className, style, label }: { className: string; style?: CSSProperties; label: string }) {
  return (
    <span className="flex items-center gap-1.5">
      <span className={cn('inline-block h-2.5 w-4 rounded-sm', className)} style={style} />
      {label}
    </span>
  );
}

const TraceRow = memo(function TraceRow({
  bar,
  top,
  origin,
  span,
  label,
  selected,
  onSelect,
  onHover,
  onLeave,
}: {
  bar: TraceBar;
  top: number;
  origin: number;
  span: number;
  label: string;
  selected: boolean;
  onSelect: (selection: TraceSelection) => void;
  onHover: (bar: TraceBar, target: Element) => void;
  onLeave: () => void;
}) {
  const select = () => onSelect({ nodeId: bar.nodeId, key: bar.key });
  const waiting = bar.kind === 'waiting';
  return (
    <div
      role="listitem"
      className={cn('absolute inset-x-0 flex items-center hover:bg-muted/40', selected && 'bg-primary/5')}
      style={{ top, height: ROW_HEIGHT }}
    >
      <button
        type="button"
        tabIndex={-1}
        className="w-52 shrink-0 truncate px-4 text-left text-xs hover:underline"
        onClick={select}
      >
        {label}
        {rowSuffix(bar) && <span className="text-muted-foreground"> · {rowSuffix(bar)}</span>}
      </button>
      <div className="relative mr-4 h-full flex-1">
        {bar.retryWaitFrom !== null && (
          <span
            data-testid="trace-retry-wait"
            className="absolute top-1/2 h-1.5 -translate-y-1/2 opacity-60"
            style={{
              ...HATCHED,
              left: percent(bar.retryWaitFrom - origin, span),
              width: percent(bar.start - bar.retryWaitFrom, span),
            }}
          />
        )}
        <button
          type="button"
          data-testid="trace-bar"
          data-node-id={bar.nodeId}
          data-iteration={bar.iteration}
          data-attempt={bar.attempt}
          data-kind={bar.kind}
          data-status={bar.status}
          aria-label={`${label}, ${attemptLabel(bar)}: ${waiting ? 'waiting' : bar.status.toLowerCase()}`}
          aria-pressed={selected}
          className={cn(
            'absolute top-1/2 h-3.5 min-w-[3px] -translate-y-1/2 rounded-sm',
            waiting ? cn('border', STATUS_BORDER[bar.status] ?? 'border-warning') : STATUS_FILL[bar.status],
            !waiting && !STATUS_FILL[bar.status] && 'bg-muted-foreground',
            selected && 'ring-2 ring-ring ring-offset-1',
          )}
          style={{
            ...(waiting ? HATCHED : {}),
            left: percent(bar.start - origin, span),
            width: percent(bar.end - bar.start, span),
          }}
          onClick={select}
          onMouseEnter={(event) => onHover(bar, event.currentTarget)}
          onMouseLeave={onLeave}
          onFocus={(event) => onHover(bar, event.currentTarget)}
          onBlur={onLeave}
        />
      </div>
    </div>
  );
});

function BarTimings({
  bar,
  label,
  origin,
  x,
  y,
}: {
  bar: TraceBar;
  label: string;
  origin: number;
  x: number;
  y: number;
}) {
  const offset = (at: number) => `+${formatDuration(Math.round(at - origin))}`;
  return (
    <div
      role="tooltip"
      data-testid="trace-tooltip"
      className="pointer-events-none absolute z-10 w-64 rounded-md border border-border bg-surface-raised p-2 text-xs shadow-lg"
      style={{ left: x, top: y }}
    >
      <p className="font-medium">
        {label} · {attemptLabel(bar)}
      </p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 tabular-nums">
        <dt className="text-muted-foreground">{bar.kind === 'waiting' ? 'Waiting' : 'Running'}</dt>
        <dd>{bar.status.toLowerCase()}</dd>
        <dt className="text-muted-foreground">Start</dt>
        <dd>{offset(bar.start)}</dd>
        <dt className="text-muted-foreground">End</dt>
        <dd>{bar.live ? 'still going' : offset(bar.end)}</dd>
        <dt className="text-muted-foreground">Duration</dt>
        <dd data-testid="trace-tooltip-duration">
          {formatDuration(bar.end - bar.start)}
          {bar.live ? ' so far' : ''}
        </dd>
        {bar.retryWaitFrom !== null && (
          <>
            <dt className="text-muted-foreground">Backoff</dt>
            <dd>{formatDuration(bar.start - bar.retryWaitFrom)} before this retry</dd>
          </>
        )}
      </dl>
    </div>
  );
}
