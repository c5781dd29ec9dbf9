import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { loadStoredDraft, storeDraft } from '../../lib/collab/stored-draft';

const splitName = (documentName: string) => {
  const [orgId, workflowId] = documentName.split('/');
  return { orgId, workflowId };
};

/**
 * Keeps drafts in `workflows.draft_state`: loaded when a document is first opened, stored after
 * changes (Hocuspocus debounces the calls).
 */
export class PostgresDraftStore implements Extension {
  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    const { orgId, workflowId } = splitName(documentName);
    if (!(await loadStoredDraft(orgId, workflowId, document))) {
      throw new Error(`workflow ${workflowId} does not exist in org ${orgId}`);
    }
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
    const { orgId, workflowId } = splitName(documentName);
    await storeDraft(orgId, workflowId, document);
  }
}
