import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

/**
 * OAuth 2.0 for HTTP requests: the worker trades the refresh token (or, without one, the client
 * credentials) for an access token at the token URL, and keeps the rotated refresh token. With
 * an authorization URL, the refresh token comes from connecting the credential in the settings
 * (the authorization-code flow with PKCE, lib/connectors/oauth2/authorization-code.ts).
 */
export const oauth2Credential = defineCredentialType({
  type: 'oauth2',
  label: 'OAuth2',
  schema: z.object({
    tokenUrl: z.url({ protocol: /^https?$/, error: 'tokenUrl must be an http(s) URL' }),
    authorizationUrl: z.preprocess(
      blankAsUndefined,
      z.url({ protocol: /^https?$/, error: 'authorizationUrl must be an http(s) URL' }).optional(),
    ),
    clientId: z.string().min(1, 'clientId is empty'),
    clientSecret: z.string().min(1, 'clientSecret is empty'),
    refreshToken: z.preprocess(blankAsUndefined, z.string().min(1).optional()),
    scope: z.preprocess(blankAsUndefined, z.string().optional()),
  }),
  secretFields: ['clientSecret', 'refreshToken'],
});
