'use client';

import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';

export interface PresenceUser {
  name: string;
  color: string;
}

export interface PeerPresence {
  clientId: number;
  user: PresenceUser;
  /** Pointer on the canvas, in flow coordinates. */
  cursor?: { x: number; y: number };
  selectedNodeId?: string;
}

/** Who else has the draft open, through Yjs awareness; and a way to share our pointer and selection. */
export function usePresence(provider: HocuspocusProvider | null, user: PresenceUser) {
  const [peers, setPeers] = useState<PeerPresence[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return;
    awareness.setLocalStateField('user', user);
    const read = () =>
      setPeers(
        [...awareness.getStates().entries()]
          .filter(([clientId, state]) => clientId !== awareness.clientID && state.user)
          .map(([clientId, state]) => ({ clientId, ...(state as Omit<PeerPresence, 'clientId'>) })),
      );
    // Sharing our own pointer changes our own state on every mouse move; re-reading the peers
    // then would redraw the editor for nothing while someone drags the canvas.
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      if ([...added, ...updated, ...removed].some((clientId) => clientId !== awareness.clientID)) read();
    };
    awareness.on('change', onChange);
    read();
    return () => awareness.off('change', onChange);
  }, [provider, user]);

  const share = (field: 'cursor' | 'selectedNodeId', value: unknown) =>
    provider?.awareness?.setLocalStateField(field, value);
  return { peers, share };
}
