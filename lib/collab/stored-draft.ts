import * as Y from 'yjs';
import { isUuid } from '../db/ids';
import { orgDb } from '../db/tenant';
import { readDraft, toDraftDefinition, writeDraft } from './draft-doc';

/**
 * Loads a workflow's draft into `doc`: the stored Yjs state, or, for a workflow that has none
 * yet (created before drafts existed, or by import), its latest version. Returns false when the
 * workflow does not exist in that org (or was deleted).
 */
export async function loadStoredDraft(orgId: string, workflowId: string, doc: Y.Doc): Promise<boolean> {
  const prisma = orgDb(orgId);
  const workflow = await prisma.workflow.findFirst({
    where: { id: workflowId, orgId, deletedAt: null },
    select: { name: true, description: true, draftState: true },
  });
  if (!workflow) return false;
  if (workflow.draftState) {
    Y.applyUpdate(doc, workflow.draftState);
    return true;
  }
  const latest = await prisma.workflowVersion.findFirst({
    where: { orgId, workflowId },
    orderBy: { version: 'desc' },
    select: { definition: true },
  });
  writeDraft(doc, {
    name: workflow.name,
    description: workflow.description,
    definition: toDraftDefinition(latest?.definition ?? { nodes: [], edges: [] }),
  });
  return true;
}

/**
 * The stored Yjs state of a workflow's draft, for the editor to draw before its connection to the
 * collab server has synced: null when the workflow has no stored draft yet, undefined when it
 * does not exist in that org. The collab server loads the same state, so what the page draws is
 * a prefix of the live document and merges with it.
 */
export async function storedDraftState(orgId: string, workflowId: string): Promise<Uint8Array | null | undefined> {
  if (!isUuid(workflowId)) return undefined;
  const workflow = await orgDb(orgId).workflow.findFirst({
    where: { id: workflowId, orgId, deletedAt: null },
    select: { draftState: true },
  });
  return workflow ? workflow.draftState : undefined;
}

/** Saves the document's state, and its name and description into the workflow's own columns. */
export async function storeDraft(orgId: string, workflowId: string, doc: Y.Doc): Promise<void> {
  const { name, description } = readDraft(doc);
  await orgDb(orgId).workflow.updateMany({
    where: { id: workflowId, orgId, deletedAt: null },
    data: {
      draftState: new Uint8Array(Y.encodeStateAsUpdate(doc)),
      ...(name.trim() ? { name: name.trim().slice(0, 200) } : {}),
      description: description.slice(0, 2000),
    },
  });
}

/** A fresh draft's stored state, for a workflow created with a definition (templates). */
export function initialDraftState(draft: Parameters<typeof writeDraft>[1]): Uint8Array<ArrayBuffer> {
  const doc = new Y.Doc();
  writeDraft(doc, draft);
  return new Uint8Array(Y.encodeStateAsUpdate(doc));
}
