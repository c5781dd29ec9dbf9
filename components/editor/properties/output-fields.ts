// The fields a node's output is known to have, read from its type's output JSON Schema, so
// `{{ nodes.fetch.output.` can offer `status`, `headers`, `body`. Plain data; no editor needed.

/** Field name → that field's own known fields (empty when it is a leaf or its shape is open). */
export interface OutputFields {
  [field: string]: OutputFields;
}

// Deep enough for any output schema we ship; a self-referencing schema stops here.
const MAX_DEPTH = 6;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function outputFieldsOf(schema: unknown, depth = 0): OutputFields {
  if (!isObject(schema) || depth >= MAX_DEPTH) return {};
  const fields: OutputFields = {};
  // Every alternative's fields: the output may be any of them.
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const alternatives = schema[key];
    if (Array.isArray(alternatives)) {
      for (const alternative of alternatives) Object.assign(fields, outputFieldsOf(alternative, depth));
    }
  }
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      fields[name] = { ...fields[name], ...outputFieldsOf(property, depth + 1) };
    }
  }
  return fields;
}

/** The known fields under `path` (below `output`), or undefined when the shape there is unknown. */
export function fieldsAt(fields: OutputFields | undefined, path: string[]): OutputFields | undefined {
  let level = fields;
  for (const name of path) level = level?.[name];
  return level && Object.keys(level).length > 0 ? level : undefined;
}
