'use client';

import { useMemo } from 'react';
import {
  javascriptEditor,
  jsonEditor,
  programEditor,
  templateEditor,
  type ExpressionScopeInfo,
} from './editor-extensions';
import type { PropertiesFormContext } from './form-context';
import { indexProblems } from './problem-paths';

/**
 * The context a form provides, rebuilt only when what it holds changes: the editor setups follow
 * the node ids and output fields by content, since callers pass new objects on every render.
 */
export function useFormContextValue({
  problems,
  nodeIds,
  outputFields = {},
  ...rest
}: Omit<PropertiesFormContext, 'problems' | 'extensions' | 'outputFields'> & {
  problems: Record<string, string>;
  outputFields?: PropertiesFormContext['outputFields'];
}): PropertiesFormContext {
  const scopeKey = JSON.stringify([nodeIds, outputFields]);
  const scope = useMemo((): ExpressionScopeInfo => {
    const [ids, fields] = JSON.parse(scopeKey);
    return { nodeIds: ids, outputFields: fields };
  }, [scopeKey]);
  const extensions = useMemo(
    () => ({
      template: templateEditor(scope),
      program: programEditor(scope),
      json: jsonEditor(scope),
      javascript: javascriptEditor(),
    }),
    [scope],
  );
  return { ...rest, ...scope, problems: indexProblems(problems), extensions };
}
