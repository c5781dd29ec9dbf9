'use client';

import { useEffect, useMemo, useState } from 'react';
import type { DraftDefinition } from '@/lib/collab/draft-doc';

export interface DraftProblem {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
}

/**
 * The draft's problems from the same validator publishing uses (POST /api/definitions/validate),
 * asked again a moment after the user stops editing.
 */
export function useDraftProblems(definition: DraftDefinition): DraftProblem[] {
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  // Only when the draft changes: on a big graph this is a long string, and the editor re-renders
  // on every pointer move of a collaborator.
  const body = useMemo(() => JSON.stringify(definition), [definition]);
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch('/api/definitions/validate', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: controller.signal,
        });
        if (response.ok) setProblems((await response.json()).problems);
      } catch {
        // Offline or superseded: the next edit asks again.
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body]);
  return problems;
}
