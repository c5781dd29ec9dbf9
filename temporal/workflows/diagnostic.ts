import { proxyActivities } from '@temporalio/workflow';
import type * as activities from '../activities';

const { diagnosticEcho } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/** A round trip through the worker: one workflow task and one activity. */
export async function diagnosticWorkflow(message: string): Promise<activities.DiagnosticEcho> {
  return diagnosticEcho(message);
}
