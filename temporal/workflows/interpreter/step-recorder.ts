import { proxyLocalActivities } from '@temporalio/workflow';
import type * as activities from '../../activities';
import type { RunPatch, StepRecord } from '../../../lib/runs/run-contract';

const { recordProgress } = proxyLocalActivities<typeof activities>({
  startToCloseTimeout: '15 seconds',
  retry: { maximumAttempts: 20, initialInterval: '200 milliseconds', maximumInterval: '5 seconds' },
});

/**
 * Buffers step records of nodes evaluated inside the workflow and writes them in one local
 * activity when the run is about to wait (or ends), so pure nodes cost no extra round trip.
 */
export class StepRecorder {
  private pending: StepRecord[] = [];

  constructor(
    private readonly runId: string,
    private readonly orgId: string,
  ) {}

  add(record: StepRecord) {
    this.pending.push(record);
  }

  async flush(run?: RunPatch) {
    if (this.pending.length === 0 && !run) return;
    const steps = this.pending;
    this.pending = [];
    await recordProgress({ runId: this.runId, orgId: this.orgId, run, steps });
  }
}
