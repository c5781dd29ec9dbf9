import type { Sinks } from '@temporalio/workflow';
import type { ProgressReport } from './run-contract';

/**
 * The interpreter's way to hand the worker a report to write without a history event: a sink
 * call is not recorded in the history and costs no extra activation. It is not free of waiting:
 * after each activation the worker awaits the promise of every sink call before it completes the
 * workflow task (`processSinkCalls` in @temporalio/worker), so the end this report carries
 * reaches Temporal only once the write has finished (or failed). Delivery is best effort (not on
 * replay, lost if the worker dies at that moment), so it is used only for the record of a
 * successful end, which the reconcile job (lib/jobs) recovers from Temporal.
 */
export interface RunProgressSinks extends Sinks {
  runProgress: {
    record(report: ProgressReport): void;
  };
}
