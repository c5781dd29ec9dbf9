import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

/** An Anthropic API key, for the LLM node. */
export const anthropicCredential = defineCredentialType({
  type: 'anthropic',
  label: 'Anthropic API key',
  schema: z.object({
    apiKey: z.string().trim().min(1, 'apiKey is empty: paste an Anthropic API key (sk-ant-…)'),
    // Another Messages API base: a proxy or gateway that speaks Anthropic's protocol.
    baseUrl: z.preprocess(
      blankAsUndefined,
      z
        .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' })
        .transform((url) => url.replace(/\/+$/, ''))
        .default('https://api.anthropic.com'),
    ),
  }),
  secretFields: ['apiKey'],
});
