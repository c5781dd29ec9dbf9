import { readFile, rm } from 'node:fs/promises';
import { launcherLog } from './log';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function commandLineOf(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8')
    .then((text) => text.replaceAll('\0', ' '))
    .catch(() => '');
}

/**
 * Stops a process an earlier launcher started and never stopped (it was killed with SIGKILL, or
 * its terminal closed), so its port is free again. The pid file names it; the process is only
 * touched if its command line still contains `expected`, since pids are reused.
 */
export async function stopStaleProcess(
  pidFile: string,
  expected: string,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  const text = await readFile(pidFile, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 1 || !isAlive(pid)) return;
  if (!(await commandLineOf(pid)).includes(expected)) return;
  launcherLog(`Stopping ${expected} (pid ${pid}) left running by an earlier start`);
  // Processes the launcher starts lead their own process group; signal the whole group.
  const signalAll = (sent: NodeJS.Signals) => {
    try {
      process.kill(-pid, sent);
    } catch {
      if (isAlive(pid)) process.kill(pid, sent);
    }
  };
  signalAll(signal);
  const deadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) signalAll('SIGKILL');
  await rm(pidFile, { force: true });
}
