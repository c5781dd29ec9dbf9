import type { NodeErrorInfo } from '../../../lib/runs/run-contract';
import type { RunContext } from './run-context';
import { Execution } from './execution';
import { executeNode } from './node-executor';

/** Undoes completed steps that declare a compensation node, newest first; best effort. */
export async function compensate(ctx: RunContext): Promise<NodeErrorInfo[]> {
  const failures: NodeErrorInfo[] = [];
  const execution = new Execution(ctx);
  for (const step of [...ctx.completedWithCompensation].reverse()) {
    const compensationId = ctx.graph.node(step.nodeId).settings.compensation!;
    const outcome = await executeNode(ctx, execution, compensationId);
    if (outcome.status === 'FAILED') failures.push({ ...outcome.error, nodeId: compensationId });
  }
  return failures;
}
