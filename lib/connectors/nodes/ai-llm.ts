import { z } from 'zod';
import { defineNode } from '../define-node';
import { jsonTextField } from '../json-text-field';
import { readNodeCredential } from '../node-credential';
import { complete } from '../llm/complete';
import { llmFailure } from '../llm/failures';
import { compileOutputSchema } from '../llm/output-schema';
import { anthropicProvider, openaiProvider } from '../llm/providers';
import { getCredentialMetadata } from '../../vault/credentials';

// A JSON Schema object, or its JSON text (pasted, or from an expression), checked to compile.
const outputSchema = jsonTextField(
  z
    .unknown()
    .superRefine((value, context) => {
      if (value === undefined) return;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        context.addIssue({
          code: 'custom',
          message: 'outputSchema must be a JSON Schema object, such as { "type": "object", "properties": { … } }',
        });
        return;
      }
      try {
        compileOutputSchema(value as Record<string, unknown>);
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: `outputSchema is not a valid JSON Schema: ${(error as Error).message}`,
        });
      }
    })
    .optional()
    .describe('A JSON Schema the reply must match: the reply is then parsed as JSON into `json`'),
);

export const aiLlm = defineNode({
  type: 'ai.llm',
  kind: 'activity',
  category: 'ai',
  label: 'LLM',
  description:
    'Asks a language model (Anthropic, or any OpenAI-compatible API: OpenAI, Ollama, vLLM) and outputs its reply, as text or as JSON matching a schema.',
  icon: 'sparkles',
  config: z.object({
    credentialId: z
      .uuid({ error: 'credentialId must be an Anthropic or OpenAI-compatible API key credential id' })
      .meta({ credentialType: ['anthropic', 'openai'] }),
    model: z
      .string({ error: 'model must be text' })
      .trim()
      .min(1, 'model is empty: name a model, such as claude-sonnet-4-5, gpt-4o-mini or llama3.1')
      .describe('The model id, as the API names it (claude-sonnet-4-5, gpt-4o-mini, llama3.1, …)'),
    system: z.string({ error: 'system must be text' }).optional().describe('The system prompt'),
    prompt: z
      .string({ error: 'prompt must be text' })
      .refine((prompt) => prompt.trim() !== '', 'prompt is empty: write what to ask the model')
      .describe('What to ask; {{ }} expressions bring in earlier nodes’ output'),
    temperature: z
      .number({ error: 'temperature must be a number' })
      .min(0, 'temperature must be at least 0')
      .max(2, 'temperature may be at most 2')
      .optional(),
    maxTokens: z
      .number({ error: 'maxTokens must be a number' })
      .int('maxTokens must be a whole number')
      .min(1, 'maxTokens must be at least 1')
      .max(200_000, 'maxTokens may be at most 200000')
      .default(1024)
      .describe('The most tokens the reply may have'),
    outputSchema,
    maxRepairs: z
      .number({ error: 'maxRepairs must be a number' })
      .int('maxRepairs must be a whole number')
      .min(0, 'maxRepairs must be at least 0')
      .max(5, 'maxRepairs may be at most 5')
      .default(2)
      .describe('How many times a reply that does not match outputSchema is sent back to be repaired'),
    timeoutMs: z
      .number({ error: 'timeoutMs must be a number of milliseconds' })
      .int('timeoutMs must be a whole number of milliseconds')
      .min(1, 'timeoutMs must be at least 1')
      .max(600_000, 'timeoutMs may be at most 600000 (10 minutes)')
      .default(120_000)
      .describe('How long one reply may take'),
  }),
  output: z.object({
    text: z.string(),
    json: z.unknown().optional(),
    model: z.string(),
    usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }),
    costUsd: z
      .number()
      .optional()
      .describe('Estimated from the model’s list price; absent for a model of unknown price'),
    repairs: z.number().int(),
  }),
  async execute({ config, run, guardedFetch, signal, log, addSecret }) {
    const credential = await readNodeCredential(run, config.credentialId, ['anthropic', 'openai'], addSecret);
    const io = { guardedFetch, signal, log };
    const provider =
      credential.type === 'anthropic' ? anthropicProvider(credential, io) : openaiProvider(credential, io);
    const providerName =
      credential.type === 'anthropic'
        ? 'Anthropic'
        : new URL(credential.baseUrl).hostname === 'api.openai.com'
          ? 'OpenAI'
          : 'The OpenAI-compatible API';
    try {
      return await complete(
        provider,
        { ...config, outputSchema: config.outputSchema as Record<string, unknown> | undefined },
        log,
      );
    } catch (error) {
      throw await llmFailure(error, {
        provider: providerName,
        baseUrl: credential.baseUrl,
        model: config.model,
        credentialName: async () => (await getCredentialMetadata(run.orgId, config.credentialId)).name,
      });
    }
  },
});
