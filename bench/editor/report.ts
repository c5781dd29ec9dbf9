import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { currentCommit } from '../shared/lifecycle';

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Target {
  /** The figure must stay below (`<`) or at most at (`<=`) the value. */
  op: '<' | '<=';
  ms: number;
}

export interface Measurement {
  /** Stable across runs: the previous result is found by it. */
  key: string;
  label: string;
  ms: number;
  target?: Target;
}

// The file a run leaves for the next one to compare with; it may come from an older bench, so
// it is parsed, and figures it lacks are shown as missing.
const resultsFile = z.object({
  measuredAt: z.string(),
  commit: z.string(),
  /** What was measured and how, so a reader knows whether two files compare like with like. */
  setup: z.record(z.string(), z.unknown()),
  measurements: z.record(z.string(), z.number()),
});
export type EditorBenchResults = z.infer<typeof resultsFile>;

export async function readPreviousResults(file: string): Promise<EditorBenchResults | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = resultsFile.safeParse(JSON.parse(text));
  if (!parsed.success) {
    console.warn(`Ignoring ${file}, not shaped as results: ${parsed.error.issues[0]?.message}`);
    return undefined;
  }
  return parsed.data;
}

export async function saveResults(file: string, results: EditorBenchResults): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}

const met = (ms: number, target: Target) => (target.op === '<' ? ms < target.ms : ms <= target.ms);

export function formatReport(measurements: Measurement[], previous: EditorBenchResults | undefined): string {
  const rows = [
    ['', 'now ms', 'target', '', 'previous', 'now/prev'],
    ...measurements.map(({ key, label, ms, target }) => {
      const before = previous?.measurements[key];
      return [
        label,
        ms.toFixed(1),
        target ? `${target.op} ${target.ms}` : '',
        target ? (met(ms, target) ? 'met' : 'MISSED') : '',
        before === undefined ? '-' : before.toFixed(1),
        before === undefined ? '' : `${(ms / before).toFixed(2)}x`,
      ];
    }),
  ];
  const widths = [44, 9, 9, 8, 10, 10];
  const lines = rows.map((row) =>
    row.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[index]))).join(''),
  );
  const against = previous
    ? `previous: ${previous.measuredAt}, commit ${previous.commit.slice(0, 10)}`
    : 'previous: none (first run, or no results file)';
  return [...lines, '', against].join('\n');
}

/**
 * Prints `intro`, then each figure beside its target and the previous run's, and saves the
 * figures for the next run to compare with.
 */
export async function reportAndSave(
  file: string,
  intro: string[],
  measurements: Measurement[],
  setup: Record<string, unknown>,
): Promise<void> {
  const previous = await readPreviousResults(file);
  console.log(['', ...intro, '', formatReport(measurements, previous), `results saved to ${file}`, ''].join('\n'));
  await saveResults(file, {
    measuredAt: new Date().toISOString(),
    commit: currentCommit(),
    setup,
    measurements: Object.fromEntries(measurements.map(({ key, ms }) => [key, Math.round(ms * 10) / 10])),
  });
}
