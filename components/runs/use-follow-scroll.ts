'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';

// How close to the bottom still counts as "at the bottom" (rounding, sub-pixel scroll positions).
const SLACK_PX = 8;

/**
 * Follow mode for a scrolling list: while following, the list keeps its newest entry in view as
 * `count` grows; scrolling up pauses it, scrolling back to the bottom (or `jumpToLatest`)
 * resumes it.
 */
export function useFollowScroll(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  useLayoutEffect(() => {
    const list = ref.current;
    if (following && list) list.scrollTop = list.scrollHeight;
  }, [count, following]);
  const onScroll = useCallback(() => {
    const list = ref.current;
    if (!list) return;
    setFollowing(list.scrollHeight - list.scrollTop - list.clientHeight <= SLACK_PX);
  }, []);
  const jumpToLatest = useCallback(() => setFollowing(true), []);
  return { ref, following, onScroll, jumpToLatest };
}
