import { startProcess, type ManagedProcess, type ProcessSpec } from './managed-process';
import { launcherLog } from './log';

export interface RestartPolicy {
  /** The wait before the first restart; each fast failure in a row doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A process that ran this long was healthy: its next exit starts the count again. */
  healthyAfterMs: number;
  /** Exits in a row, each soon after its start, before the supervisor gives up. */
  maxFastFailures: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxFastFailures: 5,
};

export type SupervisorEvent =
  | { kind: 'exited'; name: string; code: number | null; restartInMs: number; failures: number }
  | { kind: 'restarted'; name: string; pid: number }
  | { kind: 'gave-up'; name: string; failures: number };

export interface SupervisedProcess {
  name: string;
  /** The first start is ready; a process that fails before that is not restarted. */
  ready: Promise<void>;
  /** Resolves with why, once the process kept failing soon after each start. */
  gaveUp: Promise<string>;
  /** The process running now. */
  current(): ManagedProcess;
  stop(): Promise<void>;
}

function describe(event: SupervisorEvent): string {
  switch (event.kind) {
    case 'exited':
      return `${event.name} exited (code ${event.code}); restarting it in ${event.restartInMs / 1000} s (failure ${event.failures} in a row).`;
    case 'restarted':
      return `${event.name} restarted (pid ${event.pid}).`;
    case 'gave-up':
      return `${event.name} failed ${event.failures} times in a row soon after starting; giving up.`;
  }
}

/**
 * Runs an app process and restarts it, with a growing delay, whenever it exits on its own once
 * it has been ready: a crashed worker costs seconds, not the platform. Only a process that keeps
 * failing right after each start makes the supervisor give up.
 */
export function supervise(
  spec: ProcessSpec,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  report: (event: SupervisorEvent) => void = (event) => launcherLog(describe(event)),
): SupervisedProcess {
  let child = startProcess(spec);
  let stopping = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let giveUp: (reason: string) => void = () => {};
  const gaveUp = new Promise<string>((resolve) => (giveUp = resolve));

  const watch = (running: ManagedProcess, startedAt: number) => {
    void running.exited.then((code) => {
      if (stopping) return;
      if (Date.now() - startedAt >= policy.healthyAfterMs) failures = 0;
      failures += 1;
      if (failures > policy.maxFastFailures) {
        report({ kind: 'gave-up', name: spec.name, failures });
        giveUp(`${spec.name} failed ${failures} times in a row soon after starting`);
        return;
      }
      const restartInMs = Math.min(policy.firstDelayMs * 2 ** (failures - 1), policy.maxDelayMs);
      report({ kind: 'exited', name: spec.name, code, restartInMs, failures });
      restartTimer = setTimeout(() => {
        if (stopping) return;
        child = startProcess(spec);
        report({ kind: 'restarted', name: spec.name, pid: child.pid });
        watch(child, Date.now());
      }, restartInMs);
    });
  };

  const ready = child.ready.then(() => watch(child, Date.now()));
  return {
    name: spec.name,
    ready,
    gaveUp,
    current: () => child,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      await child.stop();
    },
  };
}
