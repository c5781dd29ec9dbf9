import type { WorkflowHandle } from '@temporalio/client';

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

export interface KindResult {
  latenciesMs: number[];
  /** Time spent with runs of this kind in flight, for runs/s. */
  wallMs: number;
  runIds: string[];
}

export interface KindSummary {
  kind: string;
  runs: number;
  runsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

export interface RunAnatomy {
  kind: string;
  /** History event type to count, in the order they first occur. */
  events: Map<string, number>;
  /** Rows in run_steps. */
  steps: number;
  /** Means over every measured run's history. */
  timings: HistoryTimings;
}

export interface HistoryTimings {
  /** Workflow tasks, started to completed: workflow code plus the local activities it waits for. */
  workflowTaskMs: number;
  /** Activities, scheduled to completed. */
  activityMs: number;
  /** The execution, started to completed, as the server saw it. */
  executionMs: number;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

export function summarise(result: KindResult): Omit<KindSummary, 'kind'> {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const runs = sorted.length;
  return {
    runs,
    runsPerSecond: runs / (result.wallMs / 1000),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    meanMs: sorted.reduce((sum, value) => sum + value, 0) / runs,
  };
}

/** Counts a history's events by type, named after the attributes each carries (`MarkerRecorded`, …). */
export function countEventTypes(events: HistoryEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    const attributes = Object.entries(event).find(([key, value]) => key.endsWith('EventAttributes') && value);
    const name = attributes
      ? attributes[0].charAt(0).toUpperCase() + attributes[0].slice(1, -'EventAttributes'.length)
      : `EventType${event.eventType}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const eventMs = (event: HistoryEvent) =>
  Number(String(event.eventTime?.seconds ?? 0)) * 1000 + (event.eventTime?.nanos ?? 0) / 1e6;

/** Where a run's time went, from the event times of its history. */
export function historyTimings(events: HistoryEvent[]): HistoryTimings {
  const timings = { workflowTaskMs: 0, activityMs: 0, executionMs: 0 };
  const startedAt = new Map<string, number>();
  for (const event of events) {
    const at = eventMs(event);
    const id = String(event.eventId);
    if (event.workflowExecutionStartedEventAttributes) startedAt.set('execution', at);
    if (event.workflowExecutionCompletedEventAttributes) timings.executionMs += at - startedAt.get('execution')!;
    if (event.workflowTaskStartedEventAttributes || event.activityTaskScheduledEventAttributes) startedAt.set(id, at);
    const taskStartedId = event.workflowTaskCompletedEventAttributes?.startedEventId;
    if (taskStartedId != null) timings.workflowTaskMs += at - startedAt.get(String(taskStartedId))!;
    const activityScheduledId = event.activityTaskCompletedEventAttributes?.scheduledEventId;
    if (activityScheduledId != null) timings.activityMs += at - startedAt.get(String(activityScheduledId))!;
  }
  return timings;
}

export function meanTimings(all: HistoryTimings[]): HistoryTimings {
  const mean = (key: keyof HistoryTimings) => all.reduce((sum, timings) => sum + timings[key], 0) / all.length;
  return { workflowTaskMs: mean('workflowTaskMs'), activityMs: mean('activityMs'), executionMs: mean('executionMs') };
}

/** An error's message with its causes: Temporal puts what went wrong in a run in the cause. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current !== undefined && current !== null; current = (current as Error).cause) {
    parts.push(current instanceof Error ? current.message : String(current));
    if (!(current instanceof Error) || parts.length > 5) break;
  }
  return parts.join('\n  caused by: ');
}

const table = (rows: string[][], widths: number[]) =>
  rows.map((row) =>
    row.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[index]))).join(''),
  );

export function formatReport(report: {
  runs: number;
  concurrency: number;
  summaries: KindSummary[];
  anatomy: RunAnatomy[];
}): string {
  const [ours, baseline] = report.summaries;
  const ms = (value: number) => value.toFixed(1);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const timing = table(
    [
      ['', 'runs', 'runs/s', 'p50 ms', 'p95 ms', 'mean ms'],
      ...report.summaries.map((s) => [
        s.kind,
        String(s.runs),
        s.runsPerSecond.toFixed(2),
        ms(s.p50Ms),
        ms(s.p95Ms),
        ms(s.meanMs),
      ]),
      [
        `${ours.kind} / ${baseline.kind}`,
        '',
        '',
        ratio(ours.p50Ms, baseline.p50Ms),
        '',
        ratio(ours.meanMs, baseline.meanMs),
      ],
      [
        `${ours.kind} - ${baseline.kind}`,
        '',
        '',
        ms(ours.p50Ms - baseline.p50Ms),
        '',
        ms(ours.meanMs - baseline.meanMs),
      ],
    ],
    [28, 6, 9, 9, 9, 9],
  );

  const eventTypes = [...new Set(report.anatomy.flatMap((run) => [...run.events.keys()]))];
  const total = (run: RunAnatomy) => [...run.events.values()].reduce((sum, count) => sum + count, 0);
  const history = table(
    [
      ['history events', ...report.anatomy.map((run) => run.kind)],
      ...eventTypes.map((type) => [type, ...report.anatomy.map((run) => String(run.events.get(type) ?? 0))]),
      ['total', ...report.anatomy.map((run) => String(total(run)))],
      ['run_steps rows', ...report.anatomy.map((run) => String(run.steps))],
      ['ms in workflow tasks, mean', ...report.anatomy.map((run) => ms(run.timings.workflowTaskMs))],
      ['ms in HTTP activities, mean', ...report.anatomy.map((run) => ms(run.timings.activityMs))],
      ['ms started to completed on the server, mean', ...report.anatomy.map((run) => ms(run.timings.executionMs))],
    ],
    [44, ...report.anatomy.map((run) => Math.max(run.kind.length, 6) + 2)],
  );

  return [
    '',
    `Engine bench: a 10-node flow (8 pure nodes, 2 HTTP calls), ${report.runs} runs of each kind, ` +
      `${report.concurrency} at a time; latency is from start to result`,
    '',
    ...timing,
    `target: ${ours.kind} / ${baseline.kind} <= 1.10 for mean and p50 (printed, not asserted)`,
    '',
    'Temporal history of one run of each kind (times: means over every measured run):',
    '',
    ...history,
    '',
    'MarkerRecorded events are local activities: the interpreter writes the steps of its pure nodes',
    "and the run's status with them (recordProgress: at start, before each HTTP call, at the end),",
    'inside its workflow tasks. The hand-written flow records only the steps its two HTTP activities',
    'write themselves.',
    '',
  ].join('\n');
}
