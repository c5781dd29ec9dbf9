import { z } from 'zod';
import type { OrgContext } from '../auth/current-org';
import { ApiError } from '../api/errors';
import { serverEnv } from '../config/server-env';
import { definitionEdgeSchema, definitionNodeSchema, workflowSettingsSchema } from '../definition/schema';
import { workflowDescription, workflowName } from '../workflows/schemas';
import { getWorkflow } from '../workflows/workflows';
import { signCollabToken } from './collab-token';
import { toDraftDefinition, type WorkflowDraft } from './draft-doc';

/**
 * A draft as scripts send it: shaped like a definition (ids, types, positions), but not yet
 * validated as a whole: a draft may be unfinished. Publishing validates it.
 */
export const draftBody = z.object({
  name: workflowName.optional(),
  description: workflowDescription.optional(),
  definition: z.object({
    nodes: z.array(definitionNodeSchema),
    edges: z.array(definitionEdgeSchema).default([]),
    settings: workflowSettingsSchema.default({}),
  }),
});

async function callCollab(org: OrgContext, workflowId: string, init: RequestInit = {}): Promise<WorkflowDraft> {
  await getWorkflow(org, workflowId);
  const token = signCollabToken({ sub: org.userId, org: org.orgId, wf: workflowId, access: 'service' });
  const url = `${serverEnv().COLLAB_INTERNAL_URL}/internal/drafts/${org.orgId}/${workflowId}`;
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  } catch {
    throw new ApiError(503, 'collab_unavailable', 'The collaboration server is not reachable; try again shortly');
  }
  const body = await response.json();
  if (!response.ok) throw new Error(`collab server answered ${response.status}: ${JSON.stringify(body)}`);
  return body as WorkflowDraft;
}

/** The live draft, as the editors have it this moment (including edits not yet stored). */
export function readLiveDraft(org: OrgContext, workflowId: string): Promise<WorkflowDraft> {
  return callCollab(org, workflowId);
}

/** Renames or redescribes the draft, which the workflow's own columns follow when it is stored. */
export function writeLiveDraftMeta(
  org: OrgContext,
  workflowId: string,
  meta: { name?: string; description?: string },
): Promise<WorkflowDraft> {
  return callCollab(org, workflowId, { method: 'PUT', body: JSON.stringify(meta) });
}

/** Applies a draft to the live document: open editors see the change at once. */
export function writeLiveDraft(
  org: OrgContext,
  workflowId: string,
  body: z.output<typeof draftBody>,
): Promise<WorkflowDraft> {
  const draft: Partial<WorkflowDraft> = {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.description === undefined ? {} : { description: body.description }),
    definition: toDraftDefinition(body.definition),
  };
  return callCollab(org, workflowId, { method: 'PUT', body: JSON.stringify(draft) });
}
