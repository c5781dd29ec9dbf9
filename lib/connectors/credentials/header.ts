import { z } from 'zod';
import { defineCredentialType } from './define-credential-type';

export const headerCredential = defineCredentialType({
  type: 'header',
  label: 'API key header',
  schema: z.object({
    name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'name is not a valid header name'),
    value: z.string().min(1),
  }),
  secretFields: ['value'],
});
