// Turns a node type's config schema (JSON Schema from `z.toJSONSchema`, see lib/connectors/palette.ts)
// into the field model the properties form renders, so no node type needs a hand-built form.

type JsonSchema = Record<string, unknown>;

export type EnumOption = string | number | boolean | null;

interface FieldBase {
  /** The property name; '' for the root and for array items. */
  name: string;
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
}

export interface StringField extends FieldBase {
  kind: 'string';
  format?: string;
  pattern?: string;
  minLength?: number;
  /** For a credential id: the credential type(s) the node takes (`.meta({ credentialType })` in its schema). */
  credentialType?: string | string[];
}
export interface NumberField extends FieldBase {
  kind: 'number';
  integer: boolean;
  minimum?: number;
  maximum?: number;
}
export interface BooleanField extends FieldBase {
  kind: 'boolean';
}
export interface EnumField extends FieldBase {
  kind: 'enum';
  options: EnumOption[];
}
export interface ObjectField extends FieldBase {
  kind: 'object';
  fields: FieldDescriptor[];
}
export interface UnionVariant {
  /** The discriminator's constant for this variant. */
  value: string;
  label: string;
  /** The variant's fields, without the discriminator. */
  fields: FieldDescriptor[];
}
/** A discriminated union: one select for the discriminator, then the chosen variant's fields. */
export interface UnionField extends FieldBase {
  kind: 'union';
  discriminator: string;
  variants: UnionVariant[];
}
export interface ArrayField extends FieldBase {
  kind: 'array';
  item: FieldDescriptor;
  minItems?: number;
  maxItems?: number;
}
/** An object of free keys (`additionalProperties`), edited as key/value rows. */
export interface RecordField extends FieldBase {
  kind: 'record';
  value: FieldDescriptor;
  keyPattern?: string;
}
/** Anything without a better editor (`{}`, mixed unions): edited as JSON. */
export interface JsonField extends FieldBase {
  kind: 'json';
}

export type FieldDescriptor =
  | StringField
  | NumberField
  | BooleanField
  | EnumField
  | ObjectField
  | UnionField
  | ArrayField
  | RecordField
  | JsonField;

const ACRONYMS: Record<string, string> = { id: 'ID', url: 'URL', uri: 'URI', json: 'JSON', http: 'HTTP' };
const UNITS: Record<string, string> = { ms: '(ms)', mb: '(MB)' };

/** `timeoutMs` → "Timeout (ms)", `credentialId` → "Credential ID", `json` → "JSON". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length > 1 && UNITS[words[words.length - 1]]) words[words.length - 1] = UNITS[words[words.length - 1]];
  const text = words.map((word) => ACRONYMS[word] ?? word).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A plural label's item, for "Add case" under "Cases": English plurals in -s are all the schemas use. */
export const singular = (label: string) => (/[^s]s$/.test(label) ? label.slice(0, -1) : label).toLowerCase();

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The describing parts every field has, read from its schema. */
function base(schema: JsonSchema, name: string, required: boolean): FieldBase {
  return {
    name,
    label: humanise(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    required,
    ...('default' in schema ? { default: schema.default } : {}),
  };
}

function describeProperties(schema: JsonSchema, omit?: string): FieldDescriptor[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties)
    .filter(([name, property]) => name !== omit && isSchema(property))
    .map(([name, property]) => describeSchema(property as JsonSchema, name, required.has(name)));
}

/** The constant a variant gives its discriminator (`const`, or an enum of one). */
function constantOf(schema: unknown): unknown {
  if (!isSchema(schema)) return undefined;
  if ('const' in schema) return schema.const;
  return Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
}

/** The property whose string constant tells every variant apart, if there is one. */
function findDiscriminator(variants: JsonSchema[]): string | undefined {
  const first = variants[0];
  if (!isSchema(first?.properties)) return undefined;
  return Object.keys(first.properties).find((name) => {
    const values = variants.map((variant) =>
      isSchema(variant.properties) ? constantOf(variant.properties[name]) : undefined,
    );
    return values.every((value) => typeof value === 'string') && new Set(values).size === values.length;
  });
}

function describeUnion(schema: JsonSchema, variants: unknown[], name: string, required: boolean): FieldDescriptor {
  const schemas = variants.filter(isSchema);
  const nonNull = schemas.filter((variant) => variant.type !== 'null');
  // `x.nullable()` / `x.optional()` shapes: the other branch describes the field.
  if (nonNull.length === 1) return { ...describeSchema(nonNull[0], name, false), ...base(schema, name, false) };
  const discriminator = findDiscriminator(nonNull);
  if (discriminator && nonNull.length === schemas.length) {
    return {
      ...base(schema, name, required),
      kind: 'union',
      discriminator,
      variants: nonNull.map((variant) => {
        const value = constantOf((variant.properties as JsonSchema)[discriminator]) as string;
        return { value, label: humanise(value), fields: describeProperties(variant, discriminator) };
      }),
    };
  }
  if (nonNull.every((variant) => typeof variant.type === 'string' && variant.type !== 'object')) {
    // Described again as one schema of several types, without the variants it was made from.
    const merged: JsonSchema = { ...schema, type: nonNull.map((variant) => variant.type) };
    delete merged.anyOf;
    delete merged.oneOf;
    return describeSchema(merged, name, required);
  }
  return { ...base(schema, name, required), kind: 'json' };
}

function describeObject(schema: JsonSchema, name: string, required: boolean): FieldDescriptor {
  const properties = isSchema(schema.properties) ? schema.properties : undefined;
  const additional = schema.additionalProperties;
  // `z.object({})` (a node without config) has no fields; free keys (`z.record`) become rows.
  if (properties && (Object.keys(properties).length > 0 || additional === undefined)) {
    return { ...base(schema, name, required), kind: 'object', fields: describeProperties(schema) };
  }
  const keys = isSchema(schema.propertyNames) ? schema.propertyNames : {};
  return {
    ...base(schema, name, required),
    kind: 'record',
    value: describeSchema(isSchema(additional) ? additional : {}, '', true),
    ...(typeof keys.pattern === 'string' ? { keyPattern: keys.pattern } : {}),
  };
}

/** The field model of one schema; `name` is its property name and `required` whether its parent requires it. */
export function describeSchema(schema: JsonSchema, name = '', required = true): FieldDescriptor {
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants)) return describeUnion(schema, variants, name, required);
  if ('const' in schema)
    return { ...base(schema, name, required), kind: 'enum', options: [schema.const as EnumOption] };
  if (Array.isArray(schema.enum)) return { ...base(schema, name, required), kind: 'enum', options: schema.enum };

  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type) => type !== 'null');
  // Mixed scalars (a query value: text, number or boolean) are typed as text: that is how they travel.
  const type = types.length > 1 && types.includes('string') ? 'string' : types.length === 1 ? types[0] : undefined;
  switch (type) {
    case 'string':
      return {
        ...base(schema, name, required),
        kind: 'string',
        ...(typeof schema.format === 'string' ? { format: schema.format } : {}),
        ...(typeof schema.pattern === 'string' ? { pattern: schema.pattern } : {}),
        ...(typeof schema.minLength === 'number' ? { minLength: schema.minLength } : {}),
        ...(typeof schema.credentialType === 'string' || Array.isArray(schema.credentialType)
          ? { credentialType: schema.credentialType as string | string[] }
          : {}),
      };
    case 'integer':
    case 'number':
      return {
        ...base(schema, name, required),
        kind: 'number',
        integer: type === 'integer',
        ...(numberOrUndefined(schema.minimum) !== undefined ? { minimum: schema.minimum as number } : {}),
        ...(numberOrUndefined(schema.maximum) !== undefined ? { maximum: schema.maximum as number } : {}),
      };
    case 'boolean':
      return { ...base(schema, name, required), kind: 'boolean' };
    case 'object':
      return describeObject(schema, name, required);
    case 'array': {
      const item = describeSchema(isSchema(schema.items) ? schema.items : {}, '', true);
      // An array of anything reads better as one JSON document than as rows of JSON editors.
      if (item.kind === 'json') return { ...base(schema, name, required), kind: 'json' };
      return {
        ...base(schema, name, required),
        kind: 'array',
        item,
        ...(numberOrUndefined(schema.minItems) !== undefined ? { minItems: schema.minItems as number } : {}),
        ...(numberOrUndefined(schema.maxItems) !== undefined ? { maxItems: schema.maxItems as number } : {}),
      };
    }
    default:
      return { ...base(schema, name, required), kind: 'json' };
  }
}
