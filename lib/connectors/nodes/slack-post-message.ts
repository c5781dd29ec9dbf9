import { z } from 'zod';
import { defineNode } from '../define-node';
import { jsonTextField } from '../json-text-field';
import { readNodeCredential } from '../node-credential';
import { postSlackMessage } from '../slack/post-message';

// Blocks may come as a list or as the JSON text of one (pasted from Slack's Block Kit Builder).
const blocks = jsonTextField(
  z
    .array(
      z
        .object({ type: z.string({ error: 'each block needs a type ("section", "divider", …)' }) })
        .catchall(z.unknown()),
      { error: 'blocks must be a list of Block Kit blocks, or its JSON text' },
    )
    .max(50, 'blocks may hold at most 50 blocks, as Slack allows')
    .optional(),
);

export const slackPostMessage = defineNode({
  type: 'slack.postMessage',
  kind: 'activity',
  category: 'action',
  label: 'Slack message',
  description: 'Posts a message to a Slack channel (chat.postMessage) with a bot token.',
  icon: 'message-square',
  config: z
    .object({
      credentialId: z
        .uuid({ error: 'credentialId must be a Slack bot token credential id' })
        .meta({ credentialType: 'slackBot' }),
      channel: z
        .string({ error: 'channel must be text' })
        .trim()
        .min(1, 'channel is empty: give a channel ID (C0123…) or name (#general)')
        .describe('A channel ID (C0123…), #name or user ID; the bot must be a member'),
      text: z
        .string({ error: 'text must be text' })
        .optional()
        .describe('The message, or with blocks its notification and accessibility text'),
      blocks,
      threadTs: z
        .string({ error: 'threadTs must be text' })
        .trim()
        .optional()
        .describe('Reply in the thread of the message with this ts'),
      timeoutMs: z
        .number({ error: 'timeoutMs must be a number of milliseconds' })
        .int('timeoutMs must be a whole number of milliseconds')
        .min(1, 'timeoutMs must be at least 1')
        .max(120_000, 'timeoutMs may be at most 120000 (2 minutes)')
        .default(30_000),
    })
    .refine((config) => (config.text ?? '').trim() !== '' || (config.blocks?.length ?? 0) > 0, {
      path: ['text'],
      message: 'text is empty: give text, blocks or both',
    }),
  output: z.object({
    channel: z.string(),
    ts: z.string(),
    message: z.unknown(),
  }),
  async execute({ config, run, guardedFetch, signal, log, addSecret }) {
    const bot = await readNodeCredential(run, config.credentialId, 'slackBot', addSecret);
    return postSlackMessage(bot, config, { guardedFetch, signal, log });
  },
});
