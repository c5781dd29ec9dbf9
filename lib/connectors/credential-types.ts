import { z } from 'zod';

/**
 * What each kind of stored credential holds. The shapes match the inline auth options of the
 * HTTP node, so a credential can stand in for them.
 */
export const credentialValueSchemas = {
  bearer: z.object({ token: z.string().min(1, 'token is empty') }),
  basic: z.object({ username: z.string().regex(/^[^:]*$/, 'username may not contain ":"'), password: z.string() }),
  header: z.object({
    name: z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'name is not a valid header name'),
    value: z.string().min(1),
  }),
} as const;

export type CredentialType = keyof typeof credentialValueSchemas;
export const credentialTypes = Object.keys(credentialValueSchemas) as CredentialType[];

export type CredentialValue = {
  [T in CredentialType]: { type: T } & z.output<(typeof credentialValueSchemas)[T]>;
}[CredentialType];
