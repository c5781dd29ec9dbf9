import { percentile } from '../editor/report';
import type { BenchLifecycle } from '../shared/lifecycle';
import type { RunEnd } from './flows';
import { cpuRows, measuredCpu, round, totalCpu } from './measured-cpu';
import { cpuBetween, noCpu, type ProcessGroup } from './process-cpu';
import { comparedWithN8n, type LoopFigures, type Section } from './report';

/** A system the closed loop drives: this platform, or n8n beside it. */
export interface LoopSystem {
  name: string;
  /** Its rows' key prefix: '' for this platform, 'n8n.' for n8n. */
  prefix: string;
  groups: readonly ProcessGroup[];
  runOnce: () => Promise<RunEnd>;
}

/** One system's closed-loop windows at one client count, pooled over its rounds. */
interface Pooled {
  latencies: number[];
  failed: number;
  used: ReturnType<typeof cpuBetween>;
  clientMs: number;
  wallMs: number;
}

/**
 * `clients` clients per system, each starting a run when its last one ended, the systems
 * alternating `rounds` times, each window warmed up first; each system's figures pooled over its
 * rounds, and with n8n beside it, ours ÷ n8n. Null when the bench was interrupted.
 */
export async function measureClosedLoop(options: {
  systems: LoopSystem[];
  clients: number;
  seconds: number;
  rounds: number;
  warmUpSeconds: number;
  flowName: string;
  lifecycle: BenchLifecycle;
  noteProblem: (problem?: string) => void;
}): Promise<Section[] | null> {
  const { systems, clients, seconds, rounds, warmUpSeconds, lifecycle, noteProblem } = options;
  /** The clients, each starting a run when its last one ended, until `forMs` has passed. */
  const closedLoop = async (runOnce: () => Promise<RunEnd>, forMs: number) => {
    const until = performance.now() + forMs;
    const latencies: number[] = [];
    let failed = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until && !lifecycle.interrupted) {
          const run = await runOnce();
          if (run.ok) {
            latencies.push(run.latencyMs);
          } else {
            failed++;
            noteProblem(run.problem);
          }
        }
      }),
    );
    return { latencies, failed };
  };
  const pooled = new Map<string, Pooled>(
    systems.map((system) => [system.prefix, { latencies: [], failed: 0, used: noCpu(), clientMs: 0, wallMs: 0 }]),
  );
  for (let roundNumber = 1; roundNumber <= rounds; roundNumber++) {
    for (const system of systems) {
      if (lifecycle.interrupted) return null;
      const which = `${system.name}, round ${roundNumber} of ${rounds}`;
      console.log(`Warming up: ${clients} clients for ${warmUpSeconds} s (${which})…`);
      await closedLoop(system.runOnce, warmUpSeconds * 1000);
      console.log(`Measuring: ${clients} clients for ${seconds} s, closed loop (${which})…`);
      const window = await measuredCpu(() => closedLoop(system.runOnce, seconds * 1000));
      const sum = pooled.get(system.prefix)!;
      sum.latencies.push(...window.result.latencies);
      sum.failed += window.result.failed;
      sum.clientMs += window.clientMs;
      sum.wallMs += window.wallMs;
      for (const group of system.groups) sum.used[group] += window.used[group];
    }
  }
  const sections: Section[] = [];
  const figures = new Map<string, LoopFigures>();
  for (const system of systems) {
    const { latencies, failed, used, clientMs, wallMs } = pooled.get(system.prefix)!;
    const loop: LoopFigures = {
      runsPerSecond: latencies.length / (wallMs / 1000),
      cpuMsPerSucceededRun: totalCpu(used, system.groups) / Math.max(latencies.length, 1),
    };
    figures.set(system.prefix, loop);
    const prefix = `${system.prefix}c${clients}`;
    sections.push({
      title: `${system.name}: ${clients} clients, closed loop, ${rounds} × ${seconds} s: ${options.flowName}`,
      rows: [
        { key: `${prefix}.runs_per_s`, label: 'runs/s', value: round(loop.runsPerSecond) },
        { key: `${prefix}.runs`, label: 'runs ended SUCCEEDED', value: latencies.length },
        { key: `${prefix}.failed`, label: 'runs failed or not answered', value: failed },
        { key: `${prefix}.p50_ms`, label: 'start-to-end p50 ms', value: round(percentile(latencies, 50)) },
        { key: `${prefix}.p95_ms`, label: 'start-to-end p95 ms', value: round(percentile(latencies, 95)) },
        { key: `${prefix}.p99_ms`, label: 'start-to-end p99 ms', value: round(percentile(latencies, 99)) },
        ...cpuRows(prefix, used, clientMs, latencies.length + failed, system.groups),
      ],
    });
  }
  const n8n = figures.get('n8n.');
  if (n8n) sections.push(comparedWithN8n(clients, figures.get('')!, n8n));
  return sections;
}
