// The few fields whose editor their JSON Schema cannot tell: everything else comes from the schema.

export type SpecialEditor = 'javascript' | 'program' | 'credential' | 'node';

const configFields: Record<string, Record<string, SpecialEditor>> = {
  'code.javascript': { code: 'javascript' },
  // A program field (see lib/connectors/nodes/transform.ts): the whole value is JSONata, not a template.
  'data.transform': { expression: 'program' },
};

/** The editor for a config field, by its path below `config` (`auth.credentialId`). */
export function configEditor(nodeType: string, fieldPath: string): SpecialEditor | undefined {
  // A stored credential is chosen by name, whichever node refers to one.
  if (/(^|\.)credentialId$/.test(fieldPath)) return 'credential';
  return configFields[nodeType]?.[fieldPath];
}

/** The editor for a settings field: a compensation names another node of the workflow. */
export const settingsEditor = (fieldPath: string): SpecialEditor | undefined =>
  fieldPath === 'compensation' ? 'node' : undefined;
