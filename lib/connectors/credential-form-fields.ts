import { z } from 'zod';
import { credentialTypeDefinitions, credentialTypes } from './credential-types';

export interface CredentialFormType {
  type: string;
  label: string;
  /** From the type's zod schema (JSON Schema properties): one input each. */
  fields: { name: string; secret: boolean; required: boolean }[];
}

/** The settings form's description of every credential type, generated from its zod schema. */
export const credentialFormTypes: CredentialFormType[] = credentialTypes.map((type) => {
  const definition = credentialTypeDefinitions[type];
  const schema = z.toJSONSchema(definition.schema, { io: 'input' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return {
    type,
    label: definition.label,
    fields: Object.keys(schema.properties ?? {}).map((name) => ({
      name,
      secret: definition.secretFields.includes(name),
      required: schema.required?.includes(name) ?? false,
    })),
  };
});

/** The `value.<field>` inputs of a submitted form, as the value object. */
export function credentialValueFromForm(form: FormData): Record<string, string> {
  const value: Record<string, string> = {};
  for (const [key, field] of form.entries()) if (key.startsWith('value.')) value[key.slice(6)] = String(field);
  return value;
}
