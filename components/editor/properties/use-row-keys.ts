'use client';

import { useState } from 'react';

const nextKey = (keys: number[]) => (keys.length === 0 ? 0 : Math.max(...keys) + 1);

function resize(keys: number[], count: number): number[] {
  const next = keys.slice(0, count);
  while (next.length < count) next.push(nextKey(next));
  return next;
}

/**
 * Stable React keys for the rows of a list, so removing a row does not hand its neighbours'
 * editor state (a JSON draft, an expression being written) to the wrong item.
 */
export function useRowKeys(count: number) {
  const [keys, setKeys] = useState(() => resize([], count));
  // Rows added or removed elsewhere (a collaborator, an undo) are taken to be at the end.
  const current = keys.length === count ? keys : resize(keys, count);
  if (current !== keys) setKeys(current);
  return {
    keys: current,
    add: () => setKeys((previous) => [...previous, nextKey(previous)]),
    remove: (index: number) => setKeys((previous) => previous.filter((_, i) => i !== index)),
  };
}
