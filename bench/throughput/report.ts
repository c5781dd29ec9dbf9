import type { EditorBenchResults } from '../editor/report';

/** Same file shape as the other benches': figures by stable key, with what was measured and at which commit. */
export type ThroughputResults = EditorBenchResults;

export interface Row {
  /** Stable across runs: earlier results are found by it. */
  key: string;
  label: string;
  value: number;
}

export interface Section {
  title: string;
  rows: Row[];
}

const show = (value: number | undefined) =>
  value === undefined
    ? '-'
    : value >= 100
      ? Math.round(value).toLocaleString('en')
      : value.toFixed(Number.isInteger(value * 10) ? 1 : 2);

const ratio = (now: number, before: number | undefined) =>
  before === undefined || before === 0 ? '' : `${(now / before).toFixed(2)}x`;

/** Each figure beside the previous run's and the recorded baseline's, with the ratios. */
export function formatReport(
  sections: Section[],
  previous: ThroughputResults | undefined,
  baseline: ThroughputResults | undefined,
): string {
  const widths = [40, 10, 10, 9, 10, 9];
  const line = (cells: string[]) =>
    cells.map((text, index) => (index === 0 ? text.padEnd(widths[0]) : text.padStart(widths[index]))).join('');
  const lines = [line(['', 'now', 'previous', 'now/prev', 'baseline', 'now/base'])];
  for (const section of sections) {
    lines.push(section.title);
    for (const { key, label, value } of section.rows) {
      const before = previous?.measurements[key];
      const base = baseline?.measurements[key];
      lines.push(line([`  ${label}`, show(value), show(before), ratio(value, before), show(base), ratio(value, base)]));
    }
  }
  const when = (label: string, results: ThroughputResults | undefined) =>
    results ? `${label}: ${results.measuredAt}, commit ${results.commit.slice(0, 10)}` : `${label}: none`;
  return [...lines, '', when('previous', previous), when('baseline', baseline)].join('\n');
}

/** What the comparison with n8n reads of one system's closed loop. */
export interface LoopFigures {
  runsPerSecond: number;
  /** A refused or failed run costs little CPU: it does not count as a run here. */
  cpuMsPerSucceededRun: number;
}

/**
 * This platform against n8n at one client count: throughput as our runs/s over n8n's,
 * efficiency as n8n's CPU per succeeded run over ours (2.0 is issue #11's target for both).
 */
export function comparedWithN8n(clients: number, ours: LoopFigures, theirs: LoopFigures): Section {
  const roundedRatio = (top: number, bottom: number) => Math.round((top / bottom) * 100) / 100;
  return {
    title: `this platform against n8n, ${clients} clients (target 2.0 each)`,
    rows: [
      {
        key: `vs_n8n.c${clients}.throughput`,
        label: 'throughput: our runs/s ÷ n8n runs/s',
        value: roundedRatio(ours.runsPerSecond, theirs.runsPerSecond),
      },
      {
        key: `vs_n8n.c${clients}.efficiency`,
        label: 'efficiency: n8n CPU/run ÷ our CPU/run',
        value: roundedRatio(theirs.cpuMsPerSucceededRun, ours.cpuMsPerSucceededRun),
      },
    ],
  };
}
