import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { draftDocumentName, verifyCollabToken } from '../../lib/collab/collab-token';

export interface DraftConnectionContext {
  userId: string;
  orgId: string;
  workflowId: string;
  access: 'edit' | 'view' | 'service';
}

/**
 * Admits a connection only with a token the web app signed for this very document (its org and
 * workflow); expired, forged and other-org tokens are refused before the document is opened.
 */
export class DraftAuthentication implements Extension {
  priority = 200;

  async onAuthenticate({ token, documentName }: onAuthenticatePayload): Promise<DraftConnectionContext> {
    const claims = verifyCollabToken(token ?? '');
    if (draftDocumentName(claims.org, claims.wf) !== documentName) {
      throw new Error(`token is for another document than ${documentName}`);
    }
    return { userId: claims.sub, orgId: claims.org, workflowId: claims.wf, access: claims.access };
  }
}
