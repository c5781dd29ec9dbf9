// The shapes that cross between the API, the workflow interpreter and its activities. Types
// only: the workflow sandbox imports this file.
import type { WorkflowDefinition } from '../definition/schema';

export type StepStatus = 'PENDING' | 'RUNNING' | 'WAITING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED' | 'CANCELLED';
export type RunStatus = 'QUEUED' | 'RUNNING' | 'WAITING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface NodeErrorInfo {
  message: string;
  type: string;
  /** On a run's error: the node that failed it. */
  nodeId?: string;
  /** Never the worker's stack: a code node's own frames are in its details. */
  details?: unknown;
}

/** A recorded node output from an earlier run, replayed instead of running the node again. */
export interface ReusedStep {
  output: unknown;
  handles: string[];
}

export interface RunWorkflowInput {
  runId: string;
  orgId: string;
  workflowId: string;
  /** The published version's number; 0 for a run of the draft. */
  version: number;
  definition: WorkflowDefinition;
  input: unknown;
  /** ISO time the run was requested, for `run.startedAt` in expressions. */
  requestedAt: string;
  reuse?: Record<string, ReusedStep>;
  /** ENGINE_REVISION when the run was started; absent on runs started before there was one. */
  engineRevision?: number;
}

/**
 * The revision of the engine's recorded behaviour that new runs start on. A run started on
 * revision 1 takes five changes the interpreter guarded with a Temporal patch before it (local
 * activity nodes, their end time, the delay's WAITING record, the loop's mid-loop write and its
 * lanes waiting for it) without asking `patched()` (temporal/workflows/interpreter/engine-revision.ts),
 * which records a marker and updates the run's search attributes, a visibility write on the
 * server, in each run that asks. A worker older than the revision would record markers for those
 * changes that a newer worker replaying the run does not expect: web processes and workers of one
 * release go together (README, "Upgrading").
 */
export const ENGINE_REVISION = 1;

export interface StepRecord {
  nodeId: string;
  iteration: number;
  attempt: number;
  status: StepStatus;
  input?: unknown;
  output?: unknown;
  handles?: string[];
  error?: NodeErrorInfo;
  startedAt?: string;
  endedAt?: string;
}

export interface RunPatch {
  status: RunStatus;
  output?: unknown;
  error?: NodeErrorInfo;
  startedAt?: string;
  endedAt?: string;
}

export interface ProgressBatch {
  run?: RunPatch;
  steps: StepRecord[];
}

export interface ProgressReport extends ProgressBatch {
  runId: string;
  orgId: string;
}

export interface NodeActivityInput {
  runId: string;
  orgId: string;
  nodeId: string;
  iteration: number;
  /** The node's config with every expression resolved. */
  config: unknown;
  /** What the interpreter recorded since its last write, for this activity to write first. */
  progress?: ProgressBatch;
  /** Answer a {@link TimedNodeResult}: asked by the workflow of a local activity. */
  reportsEndTime?: true;
}

/**
 * What a local activity node answers. Workflow time stands still while local activities run
 * within one workflow task: the attempt's end tells the interpreter what time it is, so the nodes
 * it runs next are not stamped as starting before their inputs ended.
 */
export interface TimedNodeResult {
  output: unknown;
  endedAt: string;
}

export interface ApprovalDecision {
  nodeId: string;
  decision: 'approved' | 'rejected';
  approver?: string;
  comment?: string;
}

export interface LiveNodeState {
  status: StepStatus;
  attempt: number;
  iteration: number;
  startedAt?: string;
  endedAt?: string;
  error?: NodeErrorInfo;
}

export interface LiveRunState {
  status: RunStatus;
  nodes: Record<string, LiveNodeState>;
  waitingApprovals: string[];
}

/** Outputs larger than this travel by reference to a RunPayload row, not inside Temporal payloads. */
export const INLINE_OUTPUT_LIMIT_BYTES = 256 * 1024;

export interface PayloadRef {
  $payloadRef: string;
  sizeBytes: number;
}

export const isPayloadRef = (value: unknown): value is PayloadRef =>
  typeof value === 'object' && value !== null && typeof (value as PayloadRef).$payloadRef === 'string';

/** Names the API uses to reach the interpreter workflow. */
export const RUN_WORKFLOW_TYPE = 'runWorkflow';
export const LIVE_STATE_QUERY = 'liveState';
export const DECIDE_APPROVAL_UPDATE = 'decideApproval';
export const APPROVAL_DECISION_SIGNAL = 'approvalDecision';
