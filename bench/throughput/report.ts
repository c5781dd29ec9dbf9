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
  value === undefined ? '-' : value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1);

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
