import { Queue, Worker, type JobsOptions } from 'bullmq';
import { createLogger } from '../logging/logger';
import type { BackgroundJob } from './background-job';
import { jobsConnection } from './connection';
import { platformJobs } from './platform-jobs';

const log = createLogger({ component: 'background-jobs' });

export const JOBS_QUEUE = 'platform-jobs';

// Finished jobs are kept for a while for inspection, not forever.
const KEEP: JobsOptions = { removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } };

export interface BackgroundJobs {
  queue: Queue;
  close(): Promise<void>;
}

/**
 * Schedules every background job (BullMQ job schedulers, one per job, upserted so that each
 * worker process can start this and none duplicates them) and processes them. Each scheduled
 * turn is taken by one worker process only.
 */
export async function startBackgroundJobs(jobs: BackgroundJob[] = platformJobs()): Promise<BackgroundJobs> {
  const connection = jobsConnection();
  const queue = new Queue(JOBS_QUEUE, { connection });
  const byName = new Map(jobs.map((job) => [job.name, job]));
  // A scheduler of a job no longer listed (renamed, removed) would keep producing jobs nobody handles.
  for (const scheduler of await queue.getJobSchedulers()) {
    if (!byName.has(scheduler.key)) await queue.removeJobScheduler(scheduler.key);
  }
  for (const job of jobs) {
    await queue.upsertJobScheduler(job.name, job.schedule, { name: job.name, opts: KEEP });
    if (job.runOnStart) await queue.add(job.name, {}, KEEP);
  }
  const worker = new Worker(
    JOBS_QUEUE,
    async (bullJob) => {
      const job = byName.get(bullJob.name);
      if (!job) throw new Error(`No background job is named "${bullJob.name}"`);
      const startedAt = Date.now();
      const result = await job.run();
      log.debug('background job done', { job: job.name, ms: Date.now() - startedAt, result });
      return result;
    },
    // One slot per job, so a long prune never holds up the reconciler.
    { connection, concurrency: jobs.length },
  );
  worker.on('failed', (bullJob, error) => log.error('background job failed', { job: bullJob?.name, error }));
  worker.on('error', (error) => log.error('background job worker error', { error }));
  return {
    queue,
    async close() {
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
