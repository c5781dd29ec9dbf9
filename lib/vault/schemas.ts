import { z } from 'zod';
import { credentialValueSchemas } from '../connectors/credential-types';

const name = z.string().trim().min(1, 'Give the credential a name').max(100);

// One variant per credential type, so a bad value is reported as `value.<field>`.
export const createCredentialBody = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('bearer'), name, value: credentialValueSchemas.bearer }),
    z.object({ type: z.literal('basic'), name, value: credentialValueSchemas.basic }),
    z.object({ type: z.literal('header'), name, value: credentialValueSchemas.header }),
  ],
  { error: 'type must be bearer, basic or header' },
);

export const updateCredentialBody = z.object({ name: name.optional(), value: z.unknown().optional() });
