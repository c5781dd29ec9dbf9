'use client';

import { useMemo } from 'react';
import { javascriptEditor, jsonEditor, programEditor, templateEditor } from './editor-extensions';
import type { PropertiesFormContext } from './form-context';
import { indexProblems } from './problem-paths';

/**
 * The context a form provides, rebuilt only when what it holds changes: the editor setups follow
 * the node ids by content, since callers pass a new array on every render.
 */
export function useFormContextValue({
  problems,
  nodeIds,
  ...rest
}: Omit<PropertiesFormContext, 'problems' | 'extensions'> & {
  problems: Record<string, string>;
}): PropertiesFormContext {
  const nodeIdsKey = nodeIds.join('\n');
  const stableNodeIds = useMemo(() => (nodeIdsKey === '' ? [] : nodeIdsKey.split('\n')), [nodeIdsKey]);
  const extensions = useMemo(
    () => ({
      template: templateEditor(stableNodeIds),
      program: programEditor(stableNodeIds),
      json: jsonEditor(stableNodeIds),
      javascript: javascriptEditor(),
    }),
    [stableNodeIds],
  );
  return { ...rest, problems: indexProblems(problems), nodeIds: stableNodeIds, extensions };
}
