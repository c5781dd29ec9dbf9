import { z } from 'zod';
import { defineNode } from '../define-node';

/** The most a webhook call's body may be: the API's own request limit (lib/api/request-limits.ts). */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export const webhookTriggerConfig = z
  .object({
    methods: z
      .array(z.enum(['GET', 'POST', 'PUT']))
      .min(1, 'Accept at least one method')
      .default(['POST'])
      .describe('The HTTP methods the URL accepts; others are answered 405'),
    auth: z
      .enum(['none', 'bearer', 'hmac'])
      .default('none')
      .describe(
        'none; bearer: "Authorization: Bearer <secret>"; hmac: X-Webhook-Signature: sha256=<hex HMAC-SHA256 of "<X-Webhook-Timestamp>.<raw body>">',
      ),
    toleranceSeconds: z
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(300)
      .describe('hmac: how far X-Webhook-Timestamp may be from the server clock, either way'),
    response: z
      .enum(['accepted', 'output', 'node'])
      .default('accepted')
      .describe(
        "accepted: 202 { runId } at once; output: wait for the run and answer with its output; node: with responseNodeId's output",
      ),
    responseNodeId: z.string().min(1).optional().describe('response "node": the node whose output is the answer'),
    waitSeconds: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(30)
      .describe('response "output" or "node": how long to wait for the run before answering 202 { runId }'),
    maxBodyBytes: z
      .number()
      .int()
      .min(1)
      .max(WEBHOOK_MAX_BODY_BYTES)
      .default(256 * 1024)
      .describe('Larger bodies are answered 413'),
    rateLimitPerMinute: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(60)
      .describe('Calls past this many in any minute are answered 429'),
  })
  .refine((config) => config.response !== 'node' || config.responseNodeId !== undefined, {
    path: ['responseNodeId'],
    message: 'Name the node whose output answers the call (response "node")',
  });

export type WebhookTriggerConfig = z.output<typeof webhookTriggerConfig>;

/**
 * What a webhook call starts the run with. The body is data, whatever it holds: `{{ }}` in it is
 * never evaluated (only a definition's own config is).
 */
export const webhookRequestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT']),
  /** Lower-cased names; the Authorization and Cookie headers are never included. */
  headers: z.record(z.string(), z.string()),
  /** A repeated parameter is an array of its values. */
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  contentType: z.string().nullable(),
  /**
   * json: the parsed value; form: an object as the query is; text: a string; base64: the bytes
   * of any other content type, base64-encoded; none: null (no body).
   */
  bodyEncoding: z.enum(['json', 'form', 'text', 'base64', 'none']),
  body: z.unknown(),
});

export type WebhookRequest = z.output<typeof webhookRequestSchema>;

export const webhookTrigger = defineNode({
  type: 'trigger.webhook',
  kind: 'pure',
  category: 'trigger',
  label: 'Webhook',
  description: 'Starts the published version when its URL, /api/hooks/<slug>, is called; outputs the request.',
  icon: 'webhook',
  acceptsInput: false,
  config: webhookTriggerConfig,
  output: webhookRequestSchema,
  // The run's input is the request as the endpoint received it (lib/webhooks/receive-call.ts).
  execute: ({ scope }) => ({ output: scope.input as WebhookRequest }),
});
