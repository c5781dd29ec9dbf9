import type { Sinks } from '@temporalio/workflow';
import type { ProgressReport } from './run-contract';

/**
 * The interpreter's way to hand the worker a report to write without a history event or a round
 * trip. Delivery is best effort (not on replay, lost if the worker dies at that moment), so it is
 * used only for the record of a successful end, which the reconcile job (lib/jobs) recovers from Temporal.
 */
export interface RunProgressSinks extends Sinks {
  runProgress: {
    record(report: ProgressReport): void;
  };
}
