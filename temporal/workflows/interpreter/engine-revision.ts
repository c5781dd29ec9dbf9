import { patched } from '@temporalio/workflow';
import type { RunWorkflowInput } from '../../../lib/runs/run-contract';

/**
 * Whether this run takes the change guarded by `patchId`, which engine revision `foldedInto`
 * (lib/runs/run-contract.ts `ENGINE_REVISION`) made part of every run started on it: those runs
 * take it without asking, so their histories hold no marker for it; runs started before ask
 * `patched()` as they always did, so theirs replay.
 */
export function takesChange(
  input: Pick<RunWorkflowInput, 'engineRevision'>,
  patchId: string,
  foldedInto: number,
): boolean {
  return (input.engineRevision ?? 0) >= foldedInto || patched(patchId);
}
