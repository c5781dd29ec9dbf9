import type { z } from 'zod';

export interface CredentialTypeDefinition<Schema extends z.ZodObject = z.ZodObject> {
  type: string;
  label: string;
  /** The value's shape; the settings form is generated from it. */
  schema: Schema;
  /** Fields typed into password inputs. All fields are stored encrypted either way. */
  secretFields: readonly string[];
}

export const defineCredentialType = <Schema extends z.ZodObject>(definition: CredentialTypeDefinition<Schema>) =>
  definition;

/** Form inputs send '' for a field left empty: treat that as absent. */
export const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);
