import { z } from 'zod';

// RFC 9110 token and field-value: anything else makes `Headers` throw, and its message would
// echo the value, which may be a credential.
const headerName = z
  .string({ error: 'header names must be text' })
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "header names may only contain letters, digits and !#$%&'*+.^_`|~-");
const headerValue = z
  .string({ error: 'header values must be text' })
  .trim()
  .regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'header values may not contain line breaks or control characters');

const body = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('none') }),
      z.object({
        type: z.literal('json'),
        value: z.unknown().refine((value) => value !== undefined, 'body.value is required for a JSON body'),
      }),
      z.object({
        type: z.literal('form'),
        fields: z.record(z.string(), z.string({ error: 'body.fields values must be text' }), {
          error: 'body.fields must be an object of field name to value',
        }),
      }),
      z.object({
        type: z.literal('raw'),
        content: z.string({ error: 'body.content must be text' }),
        contentType: headerValue.min(1, 'body.contentType must not be empty').default('text/plain'),
      }),
    ],
    { error: 'body.type must be none, json, form or raw' },
  )
  .default({ type: 'none' });

const auth = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('none') }),
      // A stored credential, decrypted only inside the activity, just before the request.
      z.object({
        type: z.literal('credential'),
        credentialId: z.uuid({ error: 'auth.credentialId must be a credential id' }),
      }),
      z.object({ type: z.literal('bearer'), token: headerValue.min(1, 'auth.token is empty: check the credential') }),
      z.object({
        type: z.literal('basic'),
        username: z
          .string({ error: 'auth.username must be text' })
          .regex(/^[^:]*$/, 'auth.username may not contain ":"'),
        password: z.string({ error: 'auth.password must be text' }),
      }),
      z.object({
        type: z.literal('header'),
        name: headerName,
        value: headerValue.min(1, 'auth.value is empty: check the credential'),
      }),
    ],
    { error: 'auth.type must be none, credential, bearer, basic or header' },
  )
  .default({ type: 'none' });

export const httpRequestConfig = z
  .object({
    method: z
      .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'], {
        error: 'method must be GET, POST, PUT, PATCH, DELETE or HEAD',
      })
      .default('GET'),
    url: z
      .url({ protocol: /^https?$/, error: 'url must be an absolute http:// or https:// URL' })
      // fetch refuses credentials in the URL; say where they belong instead.
      .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), 'url may not contain a username or password: use auth'),
    headers: z.record(headerName, headerValue, { error: 'headers must be an object of name to value' }).default({}),
    query: z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean()], { error: 'query values must be text, numbers or true/false' }),
        {
          error: 'query must be an object of parameter name to value',
        },
      )
      .default({}),
    body,
    auth,
    timeoutMs: z
      .number({ error: 'timeoutMs must be a number of milliseconds' })
      .int('timeoutMs must be a whole number of milliseconds')
      .min(1, 'timeoutMs must be at least 1')
      .max(300_000, 'timeoutMs may be at most 300000 (5 minutes)')
      .default(30_000),
    responseType: z
      .enum(['auto', 'json', 'text'], { error: 'responseType must be auto, json or text' })
      .default('auto'),
    idempotencyKey: z.boolean({ error: 'idempotencyKey must be true or false' }).default(true),
    failOnStatus: z.boolean({ error: 'failOnStatus must be true or false' }).default(true),
  })
  .refine((config) => config.body.type === 'none' || (config.method !== 'GET' && config.method !== 'HEAD'), {
    path: ['body'],
    message: 'body must be none for GET and HEAD: choose POST, PUT, PATCH or DELETE to send one',
  });

export type HttpRequestConfig = z.output<typeof httpRequestConfig>;
/** The config once a credential reference has been replaced by the auth it holds. */
export type ResolvedHttpRequestConfig = Omit<HttpRequestConfig, 'auth'> & {
  auth: Exclude<HttpRequestConfig['auth'], { type: 'credential' }>;
};
