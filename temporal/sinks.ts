import type { InjectedSinks } from '@temporalio/worker';
import type { RunProgressSinks } from '../lib/runs/progress-sink';
import { createLogger } from '../lib/logging/logger';
import { recordProgress } from './activities/record-progress';

const log = createLogger({ component: 'run-progress-sink' });

export function createRunSinks(): InjectedSinks<RunProgressSinks> {
  return {
    runProgress: {
      record: {
        fn: (_info, report) =>
          recordProgress(report).catch((error: unknown) =>
            log.error('could not record run progress; the reconcile job records the end from Temporal', {
              runId: report.runId,
              error,
            }),
          ),
        callDuringReplay: false,
      },
    },
  };
}
