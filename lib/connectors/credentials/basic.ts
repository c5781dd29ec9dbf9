import { z } from 'zod';
import { defineCredentialType } from './define-credential-type';

export const basicCredential = defineCredentialType({
  type: 'basic',
  label: 'Basic auth',
  schema: z.object({
    username: z.string().regex(/^[^:]*$/, 'username may not contain ":"'),
    password: z.string(),
  }),
  secretFields: ['password'],
});
