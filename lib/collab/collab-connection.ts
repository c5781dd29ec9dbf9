import type { OrgContext } from '../auth/current-org';
import { isAllowed } from '../auth/policy';
import { requestBaseUrl } from '../auth/request-origin';
import { serverEnv } from '../config/server-env';
import { getWorkflow } from '../workflows/workflows';
import { COLLAB_TOKEN_LIFETIME_S, draftDocumentName, signCollabToken } from './collab-token';

export interface CollabConnection {
  /** Where the browser opens its WebSocket. */
  url: string;
  document: string;
  token: string;
  /** When the collab server stops accepting `token`, in ms since the epoch. */
  tokenExpiresAt: number;
  readOnly: boolean;
}

/**
 * The collab server's address as the browser reaches it: `COLLAB_PUBLIC_URL` when a proxy
 * serves it elsewhere, else the app's own host on the collab port.
 */
function publicCollabUrl(headers: Headers): string {
  if (process.env.COLLAB_PUBLIC_URL) return process.env.COLLAB_PUBLIC_URL;
  const app = new URL(requestBaseUrl(headers) ?? 'http://127.0.0.1');
  return `${app.protocol === 'https:' ? 'wss' : 'ws'}://${app.hostname}:${serverEnv().COLLAB_PORT}`;
}

/** What the editor needs to join a workflow's draft: viewers get a read-only token. */
export async function collabConnection(
  org: OrgContext,
  workflowId: string,
  headers: Headers,
): Promise<CollabConnection> {
  await getWorkflow(org, workflowId);
  const readOnly = !isAllowed(org.role, 'workflow:edit');
  const now = Date.now();
  const claims = { sub: org.userId, org: org.orgId, wf: workflowId, access: readOnly ? 'view' : 'edit' } as const;
  return {
    url: publicCollabUrl(headers),
    document: draftDocumentName(org.orgId, workflowId),
    token: signCollabToken(claims, now),
    // Whole seconds, as the token's own expiry.
    tokenExpiresAt: (Math.floor(now / 1000) + COLLAB_TOKEN_LIFETIME_S) * 1000,
    readOnly,
  };
}
