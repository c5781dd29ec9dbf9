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
  /**
   * Batches handed to activities: written again at the end in case an activity never ran. One
   * whose activity succeeded was written by it (every attempt writes its batch first).
   */
  private handedOff: { steps: StepRecord[]; written: boolean }[] = [];

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
    this.handedOff.push({ steps: this.pending, written: false });
    this.pending = [];
    this.pendingRun = undefined;
    return batch;
  }

  /** The activity that carried `batch` succeeded, so the batch is stored. */
  written(batch: ProgressBatch) {
    const handed = this.handedOff.find((entry) => entry.steps === batch.steps);
    if (handed) handed.written = true;
  }

  async flush(run?: RunPatch, options: { final?: boolean } = {}) {
    const report = this.drain(run, options.final ? 'all' : 'none');
    if (report) await recordProgress(report);
  }

  /**
   * The record of a successful end goes to the worker through a sink: no history event and no
   * extra activation. The worker still awaits the write before it completes the workflow task, so
   * Temporal sees the run end once it is recorded; a write lost to a crash is reconciled from
   * Temporal on read. Batches their activities wrote are not written again: each would take a
   * new change number and reach every live view once more. (A flush, a local activity, writes
   * them all, as runs recorded before this did, so their histories replay.)
   */
  recordSuccess(run: RunPatch) {
    const report = this.drain(run, 'unwritten');
    if (report) runProgress.record(report);
  }

  /** The report of what is pending, with the handed-off batches asked for. */
  private drain(run: RunPatch | undefined, handedOff: 'none' | 'all' | 'unwritten') {
    if (run) this.setRun(run);
    const again = handedOff === 'none' ? [] : this.handedOff.filter((entry) => handedOff === 'all' || !entry.written);
    const steps = [...again.flatMap((entry) => entry.steps), ...this.pending];
    if (steps.length === 0 && !this.pendingRun) return null;
    const report = { runId: this.runId, orgId: this.orgId, run: this.pendingRun, steps };
    this.pending = [];
    this.pendingRun = undefined;
    return report;
  }
}
