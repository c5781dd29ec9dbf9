import type { RepeatOptions } from 'bullmq';

/** Work the platform does on its own, on a schedule, in whichever worker process takes it first. */
export interface BackgroundJob {
  /** Also its job scheduler's id. */
  name: string;
  /** A fixed interval (`every`, in ms) or a cron `pattern`. */
  schedule: Omit<RepeatOptions, 'key'>;
  /** Also run once when a worker starts, rather than only at the schedule's next turn. */
  runOnStart?: boolean;
  /** Its result is kept with the finished job, for inspection. */
  run(): Promise<unknown>;
}
