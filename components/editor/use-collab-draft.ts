'use client';

import { useEffect, useRef, useState } from 'react';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

export type ConnectionState = 'connecting' | 'connected' | 'offline';

export interface CollabSession {
  doc: Y.Doc;
  provider: HocuspocusProvider | null;
  state: ConnectionState;
  /** The server has sent everything it had; before that the canvas may show a partial draft. */
  synced: boolean;
  /** The draft has been synced with the server at least once since the page opened. */
  loaded: boolean;
}

/** The origin of the stored state the page came with: not an edit of this browser's, so never undone. */
const STORED_DRAFT_ORIGIN = 'stored-draft';

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  // A plain loop: Uint8Array.from with a mapping function is ten times slower on a big draft.
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The page's token is used only with this much of its life left: the server checks it on arrival. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * Joins a workflow's draft on the collab server. Edits are also kept in the browser (IndexedDB),
 * so what is drawn while offline survives a reload and merges when the connection returns. The
 * first connection uses the token the page was rendered with, saving a round trip before the
 * draft can load; every later one fetches a fresh token: they live ten minutes. The draft's stored
 * state, when the page brings it (base64), is drawn at once, while the connection syncs what is
 * newer; editing still waits for that sync.
 */
export function useCollabDraft(options: {
  workflowId: string;
  url: string;
  document: string;
  token: string;
  tokenExpiresAt: number;
  storedDraft?: string;
}): CollabSession {
  const { workflowId, url, document } = options;
  // The stored state is in the document from the first render, on the server too: the page
  // arrives with the graph drawn, and hydration draws the same.
  const [doc] = useState(() => {
    const created = new Y.Doc();
    if (options.storedDraft) Y.applyUpdate(created, decodeBase64(options.storedDraft), STORED_DRAFT_ORIGIN);
    return created;
  });
  const pageToken = useRef<{ token: string; expiresAt: number } | null>({
    token: options.token,
    expiresAt: options.tokenExpiresAt,
  });
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [synced, setSynced] = useState(false);
  const [loaded, setLoaded] = useState(false);
  // Bumped when the browser comes back online: a fresh connection syncs both ways at once.
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    const local = new IndexeddbPersistence(`floworchestrator:${document}`, doc);
    const remote = new HocuspocusProvider({
      url,
      name: document,
      document: doc,
      token: async () => {
        const first = pageToken.current;
        pageToken.current = null;
        if (first && first.expiresAt - Date.now() > TOKEN_MARGIN_MS) return first.token;
        const response = await fetch(`/api/workflows/${workflowId}/collab-token`);
        return (await response.json()).token as string;
      },
      onStatus: ({ status }) =>
        setState(status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline'),
      onSynced: ({ state: isSynced }) => {
        setSynced(isSynced);
        if (isSynced) setLoaded(true);
      },
      onDisconnect: () => setState('offline'),
    });
    // The provider is the external system this effect opens; the editor reads it from state.
    setProvider(remote);
    // A dropped network leaves the socket looking open for a while (its close cannot complete
    // offline): believe the browser, and start over with a new connection when it is back.
    const goOffline = () => {
      setState('offline');
      void remote.disconnect();
    };
    const goOnline = () => setEpoch((current) => current + 1);
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      remote.destroy();
      void local.destroy();
      setProvider(null);
    };
  }, [doc, workflowId, url, document, epoch]);

  return { doc, provider, state, synced, loaded };
}
