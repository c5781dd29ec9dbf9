import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

export const postgresCredential = defineCredentialType({
  type: 'postgres',
  label: 'Postgres connection',
  schema: z.object({
    host: z.string().min(1, 'host is empty'),
    port: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(65535).default(5432)),
    database: z.string().min(1, 'database is empty'),
    user: z.string().min(1, 'user is empty'),
    password: z.string(),
    ssl: z.preprocess(
      blankAsUndefined,
      z
        .enum(['disable', 'require', 'verify-full'], { error: 'ssl must be disable, require or verify-full' })
        .default('disable'),
    ),
  }),
  secretFields: ['password'],
});
