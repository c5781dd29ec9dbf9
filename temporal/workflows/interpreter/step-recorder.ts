import { proxyLocalActivities, proxySinks } from '@temporalio/workflow';
import type * as activities from '../../activities';
import type { ProgressBatch, RunPatch, StepRecord } from '../../../lib/runs/run-contract';
import type { RunProgressSinks } from '../../../lib/runs/progress-sink';

const { recordProgress } = proxyLocalActivities<typeof activities>({
  startToCloseTimeout: '15 seconds',
  retry: { maximumAttempts: 20, initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
});
const { runProgress } = proxySinks<RunProgressSinks>();

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
  private handedOff = new Set<StepRecord[]>();

  constructor(
    private readonly runId: string,
    private readonly orgId: string,
  ) {}

  add(record: StepRecord) {
    this.pending.push(record);
  }

  /** Step records buffered and not yet handed to anyone to write. */
  get pendingSteps(): number {
    return this.pending.length;
  }

  setRun(patch: RunPatch) {
    this.pendingRun = { ...this.pendingRun, ...patch };
  }

  /** Hands the buffered batch to an activity node to write. */
  take(): ProgressBatch {
    const batch: ProgressBatch = { steps: this.pending, ...(this.pendingRun ? { run: this.pendingRun } : {}) };
    this.handedOff.add(this.pending);
    this.pending = [];
    this.pendingRun = undefined;
    return batch;
  }

  /**
   * An activity that returned wrote the batch it carried: its attempt's first write, which fails
   * the attempt when it fails, holds it. The run's last record need not write it again.
   */
  written(batch: ProgressBatch) {
    this.handedOff.delete(batch.steps);
  }

  async flush(run?: RunPatch, options: { final?: boolean } = {}) {
    const report = this.drain(run, options.final);
    if (report) await recordProgress(report);
  }

  /**
   * The record of a successful end goes to the worker through a sink: no history event and no
   * extra activation. The worker still awaits the write before it completes the workflow task, so
   * Temporal sees the run end once it is recorded; a write lost to a crash is reconciled from
   * Temporal on read.
   */
  recordSuccess(run: RunPatch) {
    const report = this.drain(run, true);
    if (report) runProgress.record(report);
  }

  private drain(run: RunPatch | undefined, final = false) {
    if (run) this.setRun(run);
    const steps = final ? [...[...this.handedOff].flat(), ...this.pending] : this.pending;
    if (steps.length === 0 && !this.pendingRun) return null;
    const report = { runId: this.runId, orgId: this.orgId, run: this.pendingRun, steps };
    this.pending = [];
    this.pendingRun = undefined;
    return report;
  }
}
