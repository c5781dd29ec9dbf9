import { cpuBetween, ownTicks, PLATFORM_GROUPS, sampleCpu, type ProcessGroup } from './process-cpu';
import type { Row } from './report';

// What each mode of bench:throughput reads around its measured windows: the CPU of every process
// from /proc, and the rows that report it per run.

export const round = (value: number) => Math.round(value * 10) / 10;

export const totalCpu = (used: ReturnType<typeof cpuBetween>, groups: readonly ProcessGroup[]) =>
  groups.reduce((sum, group) => sum + used[group], 0);

/** CPU-ms per run of each process group and their total, plus the bench's own clients apart. */
export function cpuRows(
  prefix: string,
  used: ReturnType<typeof cpuBetween>,
  clientMs: number,
  runs: number,
  groups: readonly ProcessGroup[] = PLATFORM_GROUPS,
): Row[] {
  const per = (ms: number) => round(ms / Math.max(runs, 1));
  return [
    { key: `${prefix}.cpu.total`, label: 'CPU ms per run, all its processes', value: per(totalCpu(used, groups)) },
    ...groups.map((group) => ({ key: `${prefix}.cpu.${group}`, label: `  ${group}`, value: per(used[group]) })),
    { key: `${prefix}.cpu.clients`, label: '  (the bench clients, not counted)', value: per(clientMs) },
  ];
}

/** Measures CPU of the platform's processes (and the bench's) around `work`. */
export async function measuredCpu<T>(work: () => Promise<T>) {
  const before = sampleCpu();
  const clientsBefore = ownTicks();
  const result = await work();
  const after = sampleCpu();
  return {
    result,
    used: cpuBetween(before, after),
    clientMs: (ownTicks() - clientsBefore) * 10,
    wallMs: after.at - before.at,
  };
}
