import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { apiFetch } from './api';

export interface CollabConnectionInfo {
  url: string;
  document: string;
  token: string;
  readOnly: boolean;
}

/** What GET /api/workflows/:id/collab-token answers, for the owner or with another fetch. */
export async function collabConnection(
  workflowId: string,
  fetcher: (path: string) => Promise<Response> = apiFetch,
): Promise<CollabConnectionInfo> {
  const response = await fetcher(`/api/workflows/${workflowId}/collab-token`);
  if (response.status !== 200) throw new Error(`collab-token: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A Yjs client of the collab server, as the editor in a browser is: synced before it resolves. */
export async function openDraft(connection: Pick<CollabConnectionInfo, 'url' | 'document' | 'token'>) {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: connection.url,
    WebSocketPolyfill: WebSocket,
    maxAttempts: 1,
  });
  let refused: ((reason: string) => void) | undefined;
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: connection.document,
    document: doc,
    token: connection.token,
    onAuthenticationFailed: ({ reason }) => refused?.(reason),
  });
  // A provider given its socket joins it only when attached.
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    refused = (reason) => reject(new Error(`authentication failed: ${reason}`));
    if (provider.isSynced) resolve();
    provider.on('synced', () => resolve());
  }).catch((error: unknown) => {
    provider.destroy();
    websocketProvider.destroy();
    throw error;
  });
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Resolves when `check` holds for the document, re-checked after every update it receives. */
export function waitForDoc(doc: Y.Doc, check: (doc: Y.Doc) => boolean): Promise<void> {
  if (check(doc)) return Promise.resolve();
  return new Promise((resolve) => {
    const onUpdate = () => {
      if (!check(doc)) return;
      doc.off('update', onUpdate);
      resolve();
    };
    doc.on('update', onUpdate);
  });
}
