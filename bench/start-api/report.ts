import { percentile, type EditorBenchResults } from '../editor/report';
import type { Phase } from './load';

/** Same file shape as the editor bench's: figures by stable key, with what was measured and at which commit. */
export type StartBenchResults = EditorBenchResults;

/** What the database holds for one phase's runs, checked after every answer has arrived. */
export interface PhaseRecords {
  /** Runs created during the phase that have no `run.start` audit row. */
  runsWithoutAudit: number;
  /** Runs created during the phase whose request was not answered 202 (a 500 after the insert). */
  runsNotAnswered202: number;
  /** Runs answered 202 that the database does not have. */
  answered202WithoutRun: number;
}

/** Figures of one phase, keyed `r<rate>.<figure>`; status counts as `r<rate>.status.<outcome>`. */
export function phaseMeasurements(phase: Phase, records: PhaseRecords): Record<string, number> {
  const latencies = phase.answers.map((answer) => answer.latencyMs);
  const counts = new Map<string, number>();
  for (const { outcome } of phase.answers) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  const key = (name: string) => `r${phase.rate}.${name}`;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    [key('sent_per_s')]: round(phase.sentPerSecond),
    [key('requests')]: phase.answers.length,
    [key('accepted_pct')]: round((100 * (counts.get('202') ?? 0)) / phase.answers.length),
    [key('p50_ms')]: round(percentile(latencies, 50)),
    [key('p95_ms')]: round(percentile(latencies, 95)),
    [key('p99_ms')]: round(percentile(latencies, 99)),
    // Accepted and refused apart: a refusal is worth most when it comes at once.
    ...outcomeLatencies(phase, key, round),
    ...Object.fromEntries([...counts].sort().map(([outcome, count]) => [key(`status.${outcome}`), count])),
    [key('runs_without_audit')]: records.runsWithoutAudit,
    [key('runs_not_answered_202')]: records.runsNotAnswered202,
    [key('answered_202_without_run')]: records.answered202WithoutRun,
  };
}

function outcomeLatencies(
  phase: Phase,
  key: (name: string) => string,
  round: (value: number) => number,
): Record<string, number> {
  const figures: Record<string, number> = {};
  const groups = {
    accepted: phase.answers.filter((answer) => answer.outcome === '202'),
    refused: phase.answers.filter((answer) => answer.outcome !== '202'),
  };
  for (const [name, answers] of Object.entries(groups)) {
    if (answers.length === 0) continue;
    const latencies = answers.map((answer) => answer.latencyMs);
    figures[key(`${name}_p50_ms`)] = round(percentile(latencies, 50));
    figures[key(`${name}_p99_ms`)] = round(percentile(latencies, 99));
  }
  return figures;
}

const cell = (value: number | undefined) => (value === undefined ? '-' : String(value));

/** Each figure now, in the previous run and in the recorded baseline, rate by rate. */
export function formatReport(
  now: Record<string, number>,
  previous: StartBenchResults | undefined,
  baseline: StartBenchResults | undefined,
): string {
  // Status outcomes seen in any of the three runs are all listed, so a 500 that went away shows as 0.
  const keys = [
    ...new Set([
      ...Object.keys(now),
      ...Object.keys(previous?.measurements ?? {}),
      ...Object.keys(baseline?.measurements ?? {}),
    ]),
  ].filter((key) => key.split('.')[0] in rateGroups(now));
  const order = (key: string) => {
    const [rate, ...rest] = key.split('.');
    return [Number(rate.slice(1)), rest.join('.')] as const;
  };
  keys.sort((a, b) => {
    const [rateA, nameA] = order(a);
    const [rateB, nameB] = order(b);
    return rateA - rateB || figureRank(nameA) - figureRank(nameB) || nameA.localeCompare(nameB);
  });
  const widths = [44, 10, 10, 10];
  const row = (cells: string[]) =>
    cells.map((text, index) => (index === 0 ? text.padEnd(widths[0]) : text.padStart(widths[index]))).join('');
  const lines = [row(['', 'now', 'previous', 'baseline'])];
  let rateShown = '';
  for (const key of keys) {
    const [rate, ...rest] = key.split('.');
    if (rate !== rateShown) {
      lines.push(rate === 'r0' ? 'one request at a time' : `${rate.slice(1)} requests/s`);
      rateShown = rate;
    }
    const isStatus = rest[0] === 'status';
    const fallback = isStatus ? 0 : undefined;
    const value = (results: Record<string, number> | undefined) => (results ? cell(results[key] ?? fallback) : '-');
    lines.push(row([`  ${rest.join(' ')}`, value(now), value(previous?.measurements), value(baseline?.measurements)]));
  }
  const when = (label: string, results: StartBenchResults | undefined) =>
    results ? `${label}: ${results.measuredAt}, commit ${results.commit.slice(0, 10)}` : `${label}: none`;
  return [...lines, '', when('previous', previous), when('baseline', baseline)].join('\n');
}

const rateGroups = (now: Record<string, number>) =>
  Object.fromEntries(Object.keys(now).map((key) => [key.split('.')[0], true]));

const FIGURE_ORDER = [
  'sent_per_s',
  'requests',
  'accepted_pct',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'accepted_p50_ms',
  'accepted_p99_ms',
  'refused_p50_ms',
  'refused_p99_ms',
  'status',
];
const figureRank = (name: string) => {
  const index = FIGURE_ORDER.indexOf(name.split('.')[0]);
  return index === -1 ? FIGURE_ORDER.length : index;
};
