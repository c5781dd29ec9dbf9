import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type OutputCheck = { ok: true; value: unknown } | { ok: false; errors: string[] };

// Schemas that declare an older draft are read as that draft; every other one as 2020-12.
const OLDER_DRAFT = /json-schema\.org\/draft-0[67]\/schema/;

/**
 * Compiles the JSON Schema a reply must match. Throws, with ajv's reason, when the schema itself
 * is not a valid JSON Schema. A fresh validator each time: schemas come from users, and ajv keeps
 * every schema it compiled for as long as its instance lives.
 */
export function compileOutputSchema(schema: Record<string, unknown>): ValidateFunction {
  const options = { allErrors: true, strict: false, logger: false as const };
  const ajv =
    typeof schema.$schema === 'string' && OLDER_DRAFT.test(schema.$schema) ? new Ajv(options) : new Ajv2020(options);
  addFormats(ajv);
  return ajv.compile(schema);
}

/** `/lineItems/0/total: must be number`; the reply itself is `(root)`. */
const describeError = (error: ErrorObject) => {
  const detail =
    error.keyword === 'additionalProperties'
      ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})`
      : error.keyword === 'enum'
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')})`
        : '';
  return `${error.instancePath || '(root)'}: ${error.message ?? error.keyword}${detail}`;
};

/** The JSON a reply holds: all of it, or the one fenced code block (```json … ```) models like to add. */
function parseReply(text: string): { ok: true; value: unknown } | { ok: false } {
  const candidates = [text.trim()];
  const fenced = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/.exec(text.trim());
  if (fenced) candidates.push(fenced[1]);
  for (const candidate of candidates) {
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch {
      // Not this one.
    }
  }
  return { ok: false };
}

/** Parses a reply as JSON and checks it against the output schema, listing what is wrong. */
export function checkReply(validate: ValidateFunction, text: string): OutputCheck {
  const parsed = parseReply(text);
  if (!parsed.ok) return { ok: false, errors: ['(root): the reply is not JSON: answer with only the JSON value'] };
  if (validate(parsed.value)) return { ok: true, value: parsed.value };
  return { ok: false, errors: (validate.errors ?? []).map(describeError) };
}

/** The follow-up message asking the model to correct its reply, quoting what was wrong. */
export function repairRequest(errors: string[]): string {
  return [
    'Your reply does not match the required JSON Schema:',
    ...errors.map((error) => `- ${error}`),
    'Answer again with only the corrected JSON value, and no other text.',
  ].join('\n');
}

/** What the system prompt adds when the reply must match a schema. */
export function schemaInstruction(schema: Record<string, unknown>): string {
  return `Answer with only a JSON value, and no other text, that matches this JSON Schema:\n${JSON.stringify(schema)}`;
}
