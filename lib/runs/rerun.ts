import type { OrgContext } from '../auth/current-org';
import { ApiError, notFound } from '../api/errors';
import { orgDb } from '../db/tenant';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../definition/schema';
import type { ReusedStep } from './run-contract';
import { startRun } from './start-run';
import type { rerunBody } from './schemas';
import type { z } from 'zod';

function descendants(definition: WorkflowDefinition, nodeId: string): Set<string> {
  const found = new Set<string>([nodeId]);
  const stack = [nodeId];
  while (stack.length) {
    const id = stack.pop()!;
    for (const edge of definition.edges) {
      if (edge.source === id && !found.has(edge.target)) {
        found.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return found;
}

/**
 * Starts a new run of the same workflow with the same input. From `failed` or a node, the
 * recorded outputs of the nodes before that point are reused instead of running them again.
 */
export async function rerun(org: OrgContext, runId: string, body: z.infer<typeof rerunBody>) {
  const original = await orgDb(org.orgId).run.findFirst({
    where: { id: runId, orgId: org.orgId },
    include: { version: true, steps: { where: { iteration: 0 }, orderBy: { attempt: 'asc' } } },
  });
  if (!original) throw notFound('Run');
  // A run of the draft (a webhook's test URL) is rerun with the definition it ran.
  const target =
    body.version === 'same'
      ? (original.version ?? { version: null, definition: original.draftDefinition })
      : await orgDb(org.orgId).workflowVersion.findFirstOrThrow({
          where: { workflowId: original.workflowId },
          orderBy: { version: 'desc' },
        });
  const definition = workflowDefinitionSchema.parse(target.definition);

  let rerunFrom = new Set<string>(definition.nodes.map((node) => node.id));
  if (body.from === 'failed') {
    if (original.status !== 'FAILED') {
      throw new ApiError(
        409,
        'run_not_failed',
        `Run ${runId} did not fail (${original.status.toLowerCase()}); rerun from "start" or a node`,
      );
    }
    rerunFrom = new Set();
  } else if (body.from !== 'start') {
    if (!definition.nodes.some((node) => node.id === body.from)) {
      const ran = target.version === null ? 'the draft it ran' : `version ${target.version}`;
      throw new ApiError(400, 'invalid_request', `from: node "${body.from}" is not in ${ran}`);
    }
    rerunFrom = descendants(definition, body.from);
  }
  const reuse: Record<string, ReusedStep> = {};
  if (body.from !== 'start') {
    // The latest attempt of each node decides: only nodes that ended well are reused.
    const latest = new Map(original.steps.map((step) => [step.nodeId, step]));
    for (const [nodeId, step] of latest) {
      if (
        step.status === 'SUCCEEDED' &&
        !rerunFrom.has(nodeId) &&
        definition.nodes.some((node) => node.id === nodeId)
      ) {
        reuse[nodeId] = { output: step.output, handles: step.handles };
      }
    }
  }
  return startRun(
    org,
    original.workflowId,
    { input: original.input ?? undefined, version: target.version ?? undefined },
    {
      trigger: 'RERUN',
      reuse,
      rerunOfId: original.id,
      awaitStart: true,
      ...(target.version === null ? { draft: definition } : {}),
    },
  );
}
