import type { FieldDescriptor, UnionField, UnionVariant } from './schema-fields';

// How the form reads and builds config values. Defaults are shown, not written: a config keeps
// only what the user chose, and the node's schema fills in the rest when it runs.

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value the engine evaluates: a string with a `{{ }}` template in it. */
export const isExpression = (value: unknown): value is string => typeof value === 'string' && value.includes('{{');

/**
 * The same value as an expression, for a field switched to expression mode: JSONata reads JSON
 * literals as themselves, so `5` becomes `{{ 5 }}` and evaluates back to 5.
 */
export const toExpression = (value: unknown) => (value === undefined ? '{{  }}' : `{{ ${JSON.stringify(value)} }}`);

const WHOLE_TEMPLATE = /^\s*\{\{([\s\S]*)\}\}\s*$/;

/** Back from expression mode: the literal an expression is made of (`{{ 5 }}` → 5), else nothing. */
export function fromExpression(value: unknown): unknown {
  const literal = typeof value === 'string' ? WHOLE_TEMPLATE.exec(value)?.[1] : undefined;
  if (literal === undefined) return undefined;
  try {
    return JSON.parse(literal);
  } catch {
    return undefined;
  }
}

/** A value to start from when a row is added or a variant chosen: only what its schema requires. */
export function initialValue(field: FieldDescriptor): unknown {
  switch (field.kind) {
    case 'string':
      return '';
    case 'array':
      return [];
    case 'record':
      return {};
    case 'object':
      return initialObject(field.fields);
    case 'union':
      return variantValue(field, defaultVariant(field)?.value);
    default:
      return undefined;
  }
}

function initialObject(fields: FieldDescriptor[]): JsonObject {
  const value: JsonObject = {};
  for (const field of fields) {
    const initial = field.required ? initialValue(field) : undefined;
    if (initial !== undefined) value[field.name] = initial;
  }
  return value;
}

function defaultVariant(field: UnionField): UnionVariant | undefined {
  const byDefault = isObject(field.default) ? findVariant(field, field.default[field.discriminator]) : undefined;
  return byDefault ?? field.variants[0];
}

const findVariant = (field: UnionField, discriminator: unknown) =>
  field.variants.find((variant) => variant.value === discriminator);

/** The variant a union value is in; its default's when the value has none. */
export function currentVariant(field: UnionField, value: unknown): UnionVariant | undefined {
  if (isObject(value)) return findVariant(field, value[field.discriminator]);
  return value === undefined ? defaultVariant(field) : undefined;
}

/** A fresh value of one variant: its discriminator and the fields it requires. */
export function variantValue(field: UnionField, discriminator: string | undefined): JsonObject {
  const variant = findVariant(field, discriminator);
  return variant ? { [field.discriminator]: variant.value, ...initialObject(variant.fields) } : {};
}

/** A copy of `object` with `key` set, or removed when `value` is undefined. */
export function withKey(object: JsonObject, key: string, value: unknown): JsonObject {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The top-level keys whose values differ between two versions of an object. */
export function changedKeys(before: JsonObject, after: JsonObject): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]);
}
