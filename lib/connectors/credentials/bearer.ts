import { z } from 'zod';
import { defineCredentialType } from './define-credential-type';

export const bearerCredential = defineCredentialType({
  type: 'bearer',
  label: 'Bearer token',
  schema: z.object({ token: z.string().min(1, 'token is empty') }),
  secretFields: ['token'],
});
