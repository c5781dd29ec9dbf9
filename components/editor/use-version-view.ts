'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import { toDraftDefinition, type DraftDefinition } from '@/lib/collab/draft-doc';
import { diffDefinitions, type DefinitionDiff } from '@/lib/workflows/definition-diff';
import { diffGraph, type DiffGraph } from './diff-graph';

/** A side of a comparison: a published version's number, or the live draft. */
export type VersionSide = number | 'draft';

export type CanvasView =
  { kind: 'draft' } | { kind: 'version'; version: number } | { kind: 'diff'; from: VersionSide; to: VersionSide };

type LoadedView =
  | { kind: 'draft' }
  | { kind: 'version'; version: number; definition: DraftDefinition }
  | { kind: 'diff'; from: VersionSide; to: VersionSide; sides: Partial<Record<number, DraftDefinition>> };

export interface ShownGraph {
  view: CanvasView;
  /** What the canvas draws. */
  definition: DraftDefinition;
  diff?: DefinitionDiff;
  graph?: DiffGraph;
}

/**
 * What the canvas shows: the live draft, a published version read-only, or a diff of two
 * (either may be the draft, which stays live). Versions are immutable, so each is fetched once.
 */
export function useVersionView(workflowId: string, draft: DraftDefinition) {
  const [view, setView] = useState<LoadedView>({ kind: 'draft' });
  const cache = useRef(new Map<number, DraftDefinition>());

  const versionDefinition = useCallback(
    async (version: number): Promise<DraftDefinition> => {
      const cached = cache.current.get(version);
      if (cached) return cached;
      const response = await fetch(`/api/workflows/${workflowId}/versions/${version}`);
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body?.error?.message ?? `The server answered ${response.status}`);
      const definition = toDraftDefinition(body.definition);
      cache.current.set(version, definition);
      return definition;
    },
    [workflowId],
  );

  /** Switches the canvas; rejects with the reason when a version cannot be loaded. */
  const show = useCallback(
    async (next: CanvasView) => {
      if (next.kind === 'draft') return setView(next);
      if (next.kind === 'version') return setView({ ...next, definition: await versionDefinition(next.version) });
      const sides: Partial<Record<number, DraftDefinition>> = {};
      for (const side of [next.from, next.to]) {
        if (side !== 'draft') sides[side] = await versionDefinition(side);
      }
      setView({ ...next, sides });
    },
    [versionDefinition],
  );

  const shown = useMemo((): ShownGraph => {
    if (view.kind === 'draft') return { view, definition: draft };
    if (view.kind === 'version')
      return { view: { kind: 'version', version: view.version }, definition: view.definition };
    const side = (which: VersionSide) => (which === 'draft' ? draft : view.sides[which]!);
    const after = side(view.to);
    const diff = diffDefinitions(side(view.from), after);
    const graph = diffGraph(after, diff);
    return { view: { kind: 'diff', from: view.from, to: view.to }, definition: graph.definition, diff, graph };
  }, [view, draft]);

  return { shown, show, versionDefinition };
}
