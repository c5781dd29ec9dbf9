'use client';

import { useEffect, useState } from 'react';

/**
 * A module fetched once the page is mounted, or null until it has arrived. Unlike next/dynamic
 * (React.lazy), nothing suspends when its components are first drawn: React holds back the reveal
 * of a suspended boundary for up to 300 ms, which the Trace tab spent idle on every first open.
 */
export function useLoadedModule<T>(load: () => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<T | null>(null);
  useEffect(() => {
    let mounted = true;
    void load().then((module) => mounted && setLoaded(() => module));
    return () => {
      mounted = false;
    };
  }, [load]);
  return loaded;
}
