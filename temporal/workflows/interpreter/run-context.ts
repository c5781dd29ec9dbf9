import type { ExpressionScope } from '../../../lib/definition/expressions';
import type {
  ApprovalDecision,
  LiveNodeState,
  LiveRunState,
  ReusedStep,
  RunStatus,
  RunWorkflowInput,
} from '../../../lib/runs/run-contract';
import { GraphIndex } from './graph-index';
import { StepRecorder } from './step-recorder';
import { RunExpressionMeter } from '../../../lib/definition/expression-budget';

export interface CompletedStep {
  nodeId: string;
  iteration: number;
  output: unknown;
}

/** Everything one run shares across its executions: outputs, variables, live state, waits. */
export class RunContext {
  readonly graph: GraphIndex;
  readonly recorder: StepRecorder;
  readonly outputs: Record<string, { output: unknown }> = {};
  readonly vars: Record<string, unknown> = {};
  readonly live = new Map<string, LiveNodeState>();
  /** Steps with a compensation node, in completion order; undone in reverse. */
  readonly completedWithCompensation: CompletedStep[] = [];
  readonly waitingApprovals = new Set<string>();
  readonly approvalDecisions = new Map<string, ApprovalDecision & { decidedAt: string }>();
  readonly expressionMeter = new RunExpressionMeter();
  status: RunStatus = 'RUNNING';
  runOutput: unknown = null;
  /** The latest real time an activity reported, in ms: see {@link now}. */
  private latestReportedMs = 0;

  constructor(readonly input: RunWorkflowInput) {
    this.graph = new GraphIndex(input.definition);
    this.recorder = new StepRecorder(input.runId, input.orgId);
  }

  /**
   * The time to stamp records with: workflow time, unless a local activity has reported a later
   * end. Workflow time stands still within a workflow task, which may run several local
   * activities one after another.
   */
  now(): string {
    return new Date(Math.max(Date.now(), this.latestReportedMs)).toISOString();
  }

  observeTime(iso: string) {
    this.latestReportedMs = Math.max(this.latestReportedMs, Date.parse(iso));
  }

  reused(nodeId: string): ReusedStep | undefined {
    return this.input.reuse?.[nodeId];
  }

  scope(loop?: ExpressionScope['loop'], localOutputs?: Record<string, { output: unknown }>): ExpressionScope {
    return {
      input: this.input.input,
      nodes: localOutputs ? { ...this.outputs, ...localOutputs } : this.outputs,
      vars: this.vars,
      run: {
        id: this.input.runId,
        workflowId: this.input.workflowId,
        version: this.input.version,
        startedAt: this.input.requestedAt,
      },
      ...(loop ? { loop } : {}),
    };
  }

  setLive(nodeId: string, patch: Partial<LiveNodeState>) {
    const current = this.live.get(nodeId) ?? { status: 'PENDING', attempt: 0, iteration: 0 };
    this.live.set(nodeId, { ...current, ...patch });
  }

  snapshot(): LiveRunState {
    return {
      status: this.status,
      nodes: Object.fromEntries(this.live),
      waitingApprovals: [...this.waitingApprovals],
    };
  }
}
