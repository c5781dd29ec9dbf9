import { readdirSync, readFileSync } from 'node:fs';

/** The platform's processes, as the CPU figures group them, and n8n's when it runs beside them. */
export const PROCESS_GROUPS = ['web', 'worker', 'temporal', 'postgres', 'redis', 'collab', 'n8n'] as const;
export type ProcessGroup = (typeof PROCESS_GROUPS)[number];
export const PLATFORM_GROUPS = PROCESS_GROUPS.filter((group) => group !== 'n8n');

// Matched against a process's command line; a process that matches none (a helper a server
// spawned) counts for the nearest ancestor that does.
const PATTERNS: [ProcessGroup, RegExp][] = [
  // n8n's main process; its task runner and SQLite are its children or inside it.
  ['n8n', /\/n8n\/bin\/n8n\b/],
  ['worker', /temporal\/worker\.ts/],
  ['temporal', /\btemporal\b.*\bserver start-dev\b/],
  ['web', /next-server|\bnext\b.*\b(start|dev)\b/],
  ['collab', /collab-server\/server\.ts/],
  ['postgres', /^postgres\b|\/postgres\b/],
  ['redis', /redis-server|valkey/],
];

const CLOCK_TICKS_PER_SECOND = 100;

interface ProcessTimes {
  ppid: number;
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: children that ended and were waited for. */
  children: number;
  cmdline: string;
}

function readProcesses(): Map<number, ProcessTimes> {
  const processes = new Map<number, ProcessTimes>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name (field 2) is in parentheses and may hold spaces: fields follow the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      processes.set(Number(entry), {
        ppid: Number(fields[1]),
        own: Number(fields[11]) + Number(fields[12]),
        children: Number(fields[13]) + Number(fields[14]),
        cmdline,
      });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return processes;
}

/** CPU ticks of each group among the descendants of `root`, at one moment. */
export interface CpuSample {
  at: number;
  /** pid → [group, own ticks, waited-for children's ticks] */
  processes: Map<number, [ProcessGroup, number, number]>;
}

export function sampleCpu(root = process.pid): CpuSample {
  const all = readProcesses();
  const groups = new Map<number, ProcessGroup | null>();
  const groupOf = (pid: number): ProcessGroup | null => {
    if (groups.has(pid)) return groups.get(pid)!;
    const proc = all.get(pid);
    let group: ProcessGroup | null = null;
    if (proc && pid !== root) {
      group = PATTERNS.find(([, pattern]) => pattern.test(proc.cmdline))?.[0] ?? groupOf(proc.ppid);
    }
    groups.set(pid, group);
    return group;
  };
  const isDescendant = (pid: number): boolean => {
    for (let at = all.get(pid)?.ppid; at !== undefined && at > 0; at = all.get(at)?.ppid) {
      if (at === root) return true;
    }
    return false;
  };
  const processes = new Map<number, [ProcessGroup, number, number]>();
  for (const [pid, proc] of all) {
    if (!isDescendant(pid)) continue;
    const group = groupOf(pid);
    if (group) processes.set(pid, [group, proc.own, proc.children]);
  }
  return { at: performance.now(), processes };
}

/** The bench's own process (the clients), in ticks. */
export function ownTicks(): number {
  return readProcesses().get(process.pid)?.own ?? 0;
}

/** No CPU used by any group: where sums over several windows start. */
export function noCpu(): Record<ProcessGroup, number> {
  return Object.fromEntries(PROCESS_GROUPS.map((group) => [group, 0])) as Record<ProcessGroup, number>;
}

/**
 * CPU-milliseconds each group used between two samples: what every process still alive used
 * (all of it for one started meanwhile), plus what children that ended meanwhile had used.
 */
export function cpuBetween(before: CpuSample, after: CpuSample): Record<ProcessGroup, number> {
  const used = noCpu();
  for (const [pid, [group, own, children]] of after.processes) {
    const earlier = before.processes.get(pid);
    used[group] += own - (earlier?.[1] ?? 0) + children - (earlier?.[2] ?? 0);
  }
  for (const group of PROCESS_GROUPS) used[group] *= 1000 / CLOCK_TICKS_PER_SECOND;
  return used;
}

/** Which processes were found, by group: so a reader can see that none was missed. */
export function describeGroups(sample: CpuSample): string {
  const counts = new Map<ProcessGroup, number>();
  for (const [group] of sample.processes.values()) counts.set(group, (counts.get(group) ?? 0) + 1);
  return PROCESS_GROUPS.map((group) => `${group} ${counts.get(group) ?? 0}`).join(', ');
}
