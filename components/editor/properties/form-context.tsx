'use client';

import type { Extension } from '@codemirror/state';
import { createContext, useContext } from 'react';
import type { OutputFields } from './output-fields';
import type { ProblemIndex } from './problem-paths';
import type { SpecialEditor } from './special-editors';

/** What every field of one form shares, so editors nested at any depth need only their own value. */
export interface PropertiesFormContext {
  problems: ProblemIndex;
  readOnly: boolean;
  /** Config values may hold `{{ }}` expressions; node settings are never evaluated. */
  expressions: boolean;
  /** The dedicated editor for a field, by its full path (`config.auth.credentialId`). */
  specialEditor(path: string): SpecialEditor | undefined;
  credentials: { id: string; name: string; type: string }[];
  nodeIds: string[];
  /** What each other node's output is known to hold, for completing `nodes.<id>.output.`. */
  outputFields: Record<string, OutputFields>;
  /** CodeMirror setups, built once per form (editor-extensions.ts). */
  extensions: { template: Extension; program: Extension; json: Extension; javascript: Extension };
}

export const FormContext = createContext<PropertiesFormContext | null>(null);

export function useFormContext(): PropertiesFormContext {
  const context = useContext(FormContext);
  if (!context) throw new Error('Property fields must be rendered inside NodePropertiesForm or NodeSettingsForm');
  return context;
}
