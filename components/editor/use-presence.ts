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

const COLORS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

/** A colour per person that stays the same across sessions and tabs. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return COLORS[Math.abs(hash) % COLORS.length];
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
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [provider, user]);

  const share = (field: 'cursor' | 'selectedNodeId', value: unknown) =>
    provider?.awareness?.setLocalStateField(field, value);
  return { peers, share };
}
