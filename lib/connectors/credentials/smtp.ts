import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

/** An SMTP server to send mail through, and the sender address mail goes out as. */
export const smtpCredential = defineCredentialType({
  type: 'smtp',
  label: 'SMTP server',
  schema: z.object({
    host: z.string().min(1, 'host is empty'),
    port: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(65535).default(587)),
    // starttls: plain connection upgraded to TLS, refused if the server cannot (port 587);
    // tls: TLS from the first byte (port 465); none: no encryption, for a relay on a trusted network.
    security: z.preprocess(
      blankAsUndefined,
      z.enum(['starttls', 'tls', 'none'], { error: 'security must be starttls, tls or none' }).default('starttls'),
    ),
    user: z.preprocess(blankAsUndefined, z.string().optional()),
    password: z.preprocess(blankAsUndefined, z.string().optional()),
    from: z.string().trim().min(1, 'from is empty: give the sender address, e.g. "Billing <billing@example.com>"'),
  }),
  secretFields: ['password'],
});
