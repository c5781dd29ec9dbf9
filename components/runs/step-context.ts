import type { RunStepData } from '@/lib/events/run-stream-schema';

// The context inspector's model: the expression scope a step could read when it started,
// rebuilt from what the run recorded. Nothing records the scope itself, so this is a
// reconstruction: outputs of steps that ended before the chosen step started, and variables
// replayed from the Set variables steps among them. Nodes the interpreter evaluates itself run
// within one instant of workflow time, so a step that ended at the very millisecond the chosen
// one started counts only if its node is upstream of the chosen node.

export interface StepContext {
  input: unknown;
  nodes: Record<string, { output: unknown }>;
  vars: Record<string, unknown>;
}

export interface ContextGraph {
  node(nodeId: string): ContextNode | undefined;
  edges: { source: string; target: string }[];
}

export interface ContextNode {
  type: string;
  /** The node's onError setting: a failed node that continues passes `{ error }` on as its output. */
  onError?: unknown;
}

const SET_VARIABLES = 'data.set';

const sameAttemptOf = (a: RunStepData, b: RunStepData) =>
  a.nodeId === b.nodeId && a.iteration === b.iteration && a.attempt === b.attempt;

/** The nodes from which `nodeId` can be reached. */
function upstreamOf(nodeId: string, edges: ContextGraph['edges']): Set<string> {
  const upstream = new Set<string>();
  const pending = [nodeId];
  while (pending.length > 0) {
    const target = pending.pop()!;
    for (const edge of edges) {
      if (edge.target === target && !upstream.has(edge.source)) {
        upstream.add(edge.source);
        pending.push(edge.source);
      }
    }
  }
  return upstream;
}

/** The scope as it was when `chosen` started; null for a step that never started. */
export function contextAt(
  chosen: RunStepData,
  steps: RunStepData[],
  runInput: unknown,
  graph: ContextGraph,
): StepContext | null {
  if (!chosen.startedAt) return null;
  const startedAt = Date.parse(chosen.startedAt);
  const upstream = upstreamOf(chosen.nodeId, graph.edges);
  const endedBefore = (step: RunStepData) => {
    const endedAt = step.endedAt ? Date.parse(step.endedAt) : Infinity;
    return endedAt < startedAt || (endedAt === startedAt && upstream.has(step.nodeId));
  };
  const laterAttempt = (step: RunStepData) =>
    steps.some(
      (other) => other.nodeId === step.nodeId && other.iteration === step.iteration && other.attempt > step.attempt,
    );
  const before = steps
    .filter((step) => endedBefore(step) && !sameAttemptOf(step, chosen))
    .map((step, order) => ({ step, order, endedAt: Date.parse(step.endedAt!) }))
    .sort((a, b) => a.endedAt - b.endedAt || a.order - b.order);
  const nodes: StepContext['nodes'] = {};
  const vars: StepContext['vars'] = {};
  for (const { step } of before) {
    const node = graph.node(step.nodeId);
    if (step.status === 'SUCCEEDED') {
      nodes[step.nodeId] = { output: step.output };
      if (node?.type === SET_VARIABLES && step.output && typeof step.output === 'object') {
        Object.assign(vars, step.output);
      }
    } else if (step.status === 'FAILED' && (node?.onError === 'continue' || node?.onError === 'error-branch')) {
      // Only a node's last attempt is its outcome: an earlier one was retried.
      if (!laterAttempt(step)) nodes[step.nodeId] = { output: { error: step.error } };
    }
  }
  return { input: runInput, nodes, vars };
}
