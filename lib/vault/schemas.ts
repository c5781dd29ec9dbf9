import { z } from 'zod';
import { credentialTypeDefinitions, credentialTypes } from '../connectors/credential-types';
import { credentialLimitsSchema } from '../connectors/credential-guard/limits';

const name = z.string().trim().min(1, 'Give the credential a name').max(100);

// One variant per credential type, so a bad value is reported as `value.<field>`.
const variant = <T extends keyof typeof credentialTypeDefinitions>(type: T) =>
  z.object({ type: z.literal(type), name, value: credentialTypeDefinitions[type].schema });

export const createCredentialBody = z.discriminatedUnion(
  'type',
  [
    variant('bearer'),
    variant('basic'),
    variant('header'),
    variant('oauth2'),
    variant('postgres'),
    variant('slackBot'),
    variant('smtp'),
    variant('anthropic'),
    variant('openai'),
  ],
  { error: `type must be one of ${credentialTypes.join(', ')}` },
);

export const updateCredentialBody = z.object({
  name: name.optional(),
  value: z.unknown().optional(),
  // Replaces all of the credential's limits: a field left out goes back to its default.
  limits: credentialLimitsSchema.optional(),
});
