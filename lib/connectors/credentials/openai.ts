import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

/** An API key for OpenAI or any endpoint that speaks its Chat Completions API (Ollama, vLLM, …). */
export const openaiCredential = defineCredentialType({
  type: 'openai',
  label: 'OpenAI-compatible API key',
  schema: z.object({
    // Ollama and vLLM accept any key; they are still sent one, as the SDK requires.
    apiKey: z.string().trim().min(1, 'apiKey is empty: paste the API key (any text for a server that takes none)'),
    baseUrl: z.preprocess(
      blankAsUndefined,
      z
        .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL, such as http://ollama:11434/v1' })
        .transform((url) => url.replace(/\/+$/, ''))
        .default('https://api.openai.com/v1'),
    ),
    organization: z.preprocess(blankAsUndefined, z.string().trim().min(1).optional()),
  }),
  secretFields: ['apiKey'],
});
