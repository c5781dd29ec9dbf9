import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { lineSplitter, writePrefixed } from './log';
import { LaunchError } from './errors';
import { READY_MESSAGE } from '../lib/process/ready-signal';
import { waitForPort } from './ports';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Resolves `ready` when a line of output matches, or when the process calls signalReady(). */
  readyWhen?: RegExp | 'signal';
  /** How long `ready` may take before it fails. */
  readyTimeoutMs?: number;
  /** Hides noisy lines (still counted for readiness). */
  quiet?: RegExp;
  /** Prints no output at all except when the process fails. */
  silent?: boolean;
  /** Where to record the pid while the process runs, so a later start can clean up after a crash. */
  pidFile?: string;
  /** Every line of output is also appended here, shown or not. */
  logFile?: string;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** The last lines the process printed, for error reports of silent processes. */
  recentOutput(): string;
  stop(timeoutMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every process started here at once: the answer to a second Ctrl-C. */
export function killAllNow() {
  for (const child of live) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * Starts a process in its own process group, so stopping it also stops whatever it spawned
 * (npm, next and its workers), and so a terminal Ctrl-C reaches the launcher first, which then
 * stops everything in order.
 */
export function startProcess(spec: ProcessSpec): ManagedProcess {
  const child: ChildProcess = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    detached: true,
    stdio: spec.readyWhen === 'signal' ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  if (spec.pidFile && child.pid) writeFileSync(spec.pidFile, `${child.pid}\n`);
  child.once('exit', () => {
    live.delete(child);
    if (spec.pidFile) rmSync(spec.pidFile, { force: true });
  });
  const recent: string[] = [];
  let markReady: () => void = () => {};
  let failReady: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  if (!spec.readyWhen) markReady();
  if (spec.readyWhen === 'signal') {
    child.on('message', (message) => {
      if (message === READY_MESSAGE) markReady();
    });
    child.channel?.unref();
  }
  const readyTimer = setTimeout(
    () => failReady(new LaunchError(`${spec.name} was not ready within ${(spec.readyTimeoutMs ?? 120_000) / 1000} s.`)),
    spec.readyTimeoutMs ?? 120_000,
  );
  readyTimer.unref();
  ready.then(
    () => clearTimeout(readyTimer),
    () => clearTimeout(readyTimer),
  );

  // Appended to: a process the supervisor restarts keeps the log that says why it stopped.
  const log = spec.logFile ? createWriteStream(spec.logFile, { flags: 'a' }) : undefined;
  const onLine = (line: string) => {
    log?.write(`${line}\n`);
    recent.push(line);
    if (recent.length > 40) recent.shift();
    if (spec.readyWhen instanceof RegExp && spec.readyWhen.test(line)) markReady();
    if (!spec.silent && !spec.quiet?.test(line)) writePrefixed(spec.name, line);
  };
  const stdout = lineSplitter(onLine);
  const stderr = lineSplitter(onLine);
  child.stdout?.on('data', (chunk) => stdout.push(chunk));
  child.stderr?.on('data', (chunk) => stderr.push(chunk));

  let stopping = false;
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      failReady(new LaunchError(`${spec.name} could not start: ${error.message}`));
      resolve(null);
    });
    child.once('exit', (code, signal) => {
      stdout.flush();
      stderr.flush();
      if (!stopping) {
        const tail = spec.silent ? `\n${recent.join('\n')}` : '';
        failReady(new LaunchError(`${spec.name} exited (${signal ?? `code ${code}`}) before it was ready.${tail}`));
      }
      // Its log is whole by the time it counts as exited, before a restart appends to it.
      if (log) log.end(() => resolve(code));
      else resolve(code);
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };

  return {
    name: spec.name,
    pid: child.pid ?? -1,
    ready,
    exited,
    recentOutput: () => recent.join('\n'),
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
      // Children of the group that ignored SIGTERM must not outlive the launcher.
      signalGroup('SIGKILL');
    },
  };
}

/** Waits until a started server accepts connections on its port, failing at once if it exits first. */
export async function waitUntilListening(server: ManagedProcess, port: number, timeoutMs: number): Promise<void> {
  const exitedEarly = server.exited.then((code) => {
    throw new LaunchError(`${server.name} exited (code ${code}) before it was ready.\n${server.recentOutput()}`);
  });
  exitedEarly.catch(() => undefined); // a later, deliberate stop is not an error
  await Promise.race([waitForPort(port, timeoutMs), exitedEarly]);
}
