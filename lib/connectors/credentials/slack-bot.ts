import { z } from 'zod';
import { blankAsUndefined, defineCredentialType } from './define-credential-type';

/** A Slack app's bot token, for the Slack nodes (and as a bearer token for the HTTP node). */
export const slackBotCredential = defineCredentialType({
  type: 'slackBot',
  label: 'Slack bot token',
  schema: z.object({
    token: z.string().regex(/^xox[a-z]-\S+$/, 'token must be a Slack token (xoxb-…)'),
    // Another Web API base: a GovSlack workspace (https://slack-gov.com/api/) or a proxy.
    apiUrl: z.preprocess(
      blankAsUndefined,
      z
        .url({ protocol: /^https?$/, error: 'apiUrl must be an http(s) URL' })
        .transform((url) => (url.endsWith('/') ? url : `${url}/`))
        .default('https://slack.com/api/'),
    ),
  }),
  secretFields: ['token'],
});
