import { z } from 'zod';
import { defineNode } from '../define-node';
import { readNodeCredential } from '../node-credential';
import { sendMail } from '../email/send-mail';

// Base64 may carry line breaks (MIME wraps it at 76 characters); anything else is not base64.
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * One address or a comma-separated list ("Name <address>" works); a list of addresses, from an
 * expression, is joined into one. One text field in the form, whatever the expression gives.
 */
const recipients = (field: string) =>
  z.preprocess(
    (value) => (Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? value.join(', ') : value),
    z.string({ error: `${field} must be an address, a comma-separated list or a list of addresses` }).trim(),
  );

const attachment = z
  .object({
    filename: z.string({ error: 'filename must be text' }).trim().min(1, 'filename is empty'),
    content: z.string({ error: 'content must be text (base64 for binary files, with encoding "base64")' }),
    encoding: z.enum(['text', 'base64'], { error: 'encoding must be text or base64' }).default('text'),
    contentType: z.string({ error: 'contentType must be text' }).optional(),
  })
  .refine((file) => file.encoding !== 'base64' || BASE64.test(file.content), {
    path: ['content'],
    message: 'content is not base64: give encoding "text" for plain text',
  });

export const emailSend = defineNode({
  type: 'email.send',
  kind: 'activity',
  category: 'action',
  label: 'Send email',
  description: 'Sends an email through an SMTP server, with attachments from earlier nodes.',
  icon: 'mail',
  config: z
    .object({
      credentialId: z
        .uuid({ error: 'credentialId must be an SMTP server credential id' })
        .meta({ credentialType: 'smtp' }),
      to: recipients('to'),
      cc: recipients('cc').optional(),
      bcc: recipients('bcc').optional(),
      replyTo: z.string({ error: 'replyTo must be an address' }).trim().optional(),
      subject: z.string({ error: 'subject must be text' }),
      text: z.string({ error: 'text must be text' }).optional(),
      html: z.string({ error: 'html must be text' }).optional(),
      attachments: z
        .array(attachment, { error: 'attachments must be a list of { filename, content, encoding, contentType }' })
        .max(20, 'attachments may hold at most 20 files')
        .default([]),
      timeoutMs: z
        .number({ error: 'timeoutMs must be a number of milliseconds' })
        .int('timeoutMs must be a whole number of milliseconds')
        .min(1, 'timeoutMs must be at least 1')
        .max(300_000, 'timeoutMs may be at most 300000 (5 minutes)')
        .default(60_000),
    })
    .refine((config) => config.to !== '', {
      path: ['to'],
      message: 'to is empty: give at least one recipient',
    })
    .refine((config) => Boolean(config.text) || Boolean(config.html), {
      path: ['text'],
      message: 'text is empty: give text, html or both',
    })
    .refine(
      (config) =>
        config.attachments.reduce(
          (total, file) => total + Buffer.byteLength(file.content, file.encoding === 'base64' ? 'base64' : 'utf8'),
          0,
        ) <= MAX_ATTACHMENT_BYTES,
      { path: ['attachments'], message: 'attachments add up to more than 20 MB, more than most mail servers accept' },
    ),
  output: z.object({
    messageId: z.string(),
    accepted: z.array(z.string()),
    rejected: z.array(z.string()),
    response: z.string(),
  }),
  async execute({ config, run, resolveHost, signal, log, idempotencyKey, addSecret }) {
    const server = await readNodeCredential(run, config.credentialId, 'smtp', addSecret);
    return sendMail(server, config, { resolveHost, signal, log, idempotencyKey });
  },
});
