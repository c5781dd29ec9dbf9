import { proxyLocalActivities } from '@temporalio/workflow';
import type * as activities from '../../activities';
import type { ProgressBatch, RunPatch, StepRecord } from '../../../lib/runs/run-contract';

const { recordProgress } = proxyLocalActivities<typeof activities>({
  startToCloseTimeout: '15 seconds',
  retry: { maximumAttempts: 20, initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
});

/**
 * Buffers what the interpreter records (steps of nodes it evaluates itself, run status) so it
 * costs no extra round trip: the next activity node carries the batch and writes it with its
 * own first record, and whatever is left is written by a local activity when the run waits or
 * ends.
 */
export class StepRecorder {
  private pending: StepRecord[] = [];
  private pendingRun?: RunPatch;
  /** Batches handed to activities: written again at the end in case an activity never ran. */
  private handedOff: StepRecord[] = [];

  constructor(
    private readonly runId: string,
    private readonly orgId: string,
  ) {}

  add(record: StepRecord) {
    this.pending.push(record);
  }

  setRun(patch: RunPatch) {
    this.pendingRun = { ...this.pendingRun, ...patch };
  }

  /** Hands the buffered batch to an activity node to write. */
  take(): ProgressBatch {
    const batch: ProgressBatch = { steps: this.pending, ...(this.pendingRun ? { run: this.pendingRun } : {}) };
    this.handedOff.push(...this.pending);
    this.pending = [];
    this.pendingRun = undefined;
    return batch;
  }

  async flush(run?: RunPatch, options: { final?: boolean } = {}) {
    if (run) this.setRun(run);
    const steps = options.final ? [...this.handedOff, ...this.pending] : this.pending;
    if (steps.length === 0 && !this.pendingRun) return;
    const patch = this.pendingRun;
    this.pending = [];
    this.pendingRun = undefined;
    await recordProgress({ runId: this.runId, orgId: this.orgId, run: patch, steps });
  }
}
