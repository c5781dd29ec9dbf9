import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeFailure } from '../define-node';
import { slackPostMessage } from '../nodes/slack-post-message';
import { testActivityContext } from '../test-activity-context';
import { defaultOutboundPolicy } from '../../outbound/policy';
import { SlackStub } from '../../../tests/support/slack-stub';
import { postSlackMessage } from './post-message';

const token = 'xoxb-1111-2222-unit-test-token';
const credentialId = '0190a9d4-4c1e-7d2a-9b7e-6f1d2c3b4a59';
const slack = new SlackStub({ token, channels: { general: 'C0GENERAL', alerts: 'C0ALERTS' } });
let apiUrl = '';

beforeAll(async () => {
  apiUrl = await slack.start();
});
afterAll(() => slack.stop());

function post(config: Record<string, unknown>, bot = { token, apiUrl }, options = {}) {
  const { context, logs } = testActivityContext(slackPostMessage, { credentialId, ...config }, options);
  return { result: postSlackMessage(bot, context.config, context), logs };
}

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('the post should have failed'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NodeFailure);
  const failure = error as NodeFailure;
  return { message: failure.message, ...failure.options };
};

describe('postSlackMessage', () => {
  it('posts with the bot token as a bearer header and returns the channel and ts Slack answered', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Invoice* A-1' } }];
    const { result } = post({ channel: '#general', text: 'Invoice A-1 booked', blocks: JSON.stringify(blocks) });
    const output = await result;
    const posted = slack.messages.at(-1)!;
    expect(posted).toEqual({
      token,
      contentType: 'application/x-www-form-urlencoded',
      channel: 'C0GENERAL',
      text: 'Invoice A-1 booked',
      blocks,
      threadTs: undefined,
      ts: posted.ts,
    });
    expect(output).toEqual({
      channel: 'C0GENERAL',
      ts: posted.ts,
      message: { type: 'message', user: 'U0FLOWBOT', ts: posted.ts, text: 'Invoice A-1 booked', blocks },
    });
  });

  it("fails without retrying on Slack's own refusals, naming the error", async () => {
    expect(await failureOf(post({ channel: '#nowhere', text: 'hi' }).result)).toEqual({
      message: 'Slack chat.postMessage failed: channel_not_found',
      type: 'SlackApiError',
      nonRetryable: true,
      details: { error: 'channel_not_found' },
    });
    expect(await failureOf(post({ channel: '#general', text: 'hi' }, { token: 'xoxb-wrong', apiUrl }).result)).toEqual({
      message: 'Slack chat.postMessage failed: invalid_auth',
      type: 'SlackApiError',
      nonRetryable: true,
      details: { error: 'invalid_auth' },
    });
  });

  it('waits out a rate limit as Retry-After asks, then posts', async () => {
    const before = slack.calls.length;
    slack.rateLimitNext(2, 0);
    const { result, logs } = post({ channel: 'C0ALERTS', text: 'after the limit', threadTs: '1700000000.000001' });
    expect(await result).toMatchObject({ channel: 'C0ALERTS' });
    expect(slack.messages.at(-1)).toMatchObject({ text: 'after the limit', threadTs: '1700000000.000001' });
    expect(slack.calls.slice(before)).toEqual(['chat.postMessage', 'chat.postMessage', 'chat.postMessage']);
    expect(logs.filter((entry) => entry.level === 'WARN').map((entry) => entry.message)).toEqual([
      'Slack rate limited chat.postMessage: trying again in 0 s',
      'Slack rate limited chat.postMessage: trying again in 0 s',
    ]);
  });

  it('fails retryably when Slack keeps rate-limiting', async () => {
    slack.rateLimitNext(4, 0);
    expect(await failureOf(post({ channel: 'C0ALERTS', text: 'never' }).result)).toEqual({
      message: 'Slack rate limited chat.postMessage: Retry-After 0 s',
      type: 'SlackRateLimited',
    });
  });

  it('goes through the outbound guard: a loopback API URL is refused by the default policy', async () => {
    const before = slack.calls.length;
    const { result } = post(
      { channel: '#general', text: 'hi' },
      { token, apiUrl },
      { outbound: defaultOutboundPolicy() },
    );
    expect(await failureOf(result)).toEqual({
      message: expect.stringMatching(
        /^Slack chat\.postMessage: Outbound request to 127\.0\.0\.2 blocked: 127\.0\.0\.2 is a loopback address/,
      ),
      type: 'OutboundBlocked',
      nonRetryable: true,
    });
    expect(slack.calls.length).toBe(before);
  });
});

describe('slack.postMessage config', () => {
  it('refuses a message with neither text nor blocks, and blocks that are not Block Kit', () => {
    const first = (config: unknown) => {
      const result = slackPostMessage.config.safeParse(config);
      return result.success ? undefined : `${result.error.issues[0].path.join('.')}: ${result.error.issues[0].message}`;
    };
    expect(first({ credentialId, channel: '#general' })).toBe('text: text is empty: give text, blocks or both');
    expect(first({ credentialId, channel: ' ', text: 'hi' })).toBe(
      'channel: channel is empty: give a channel ID (C0123…) or name (#general)',
    );
    expect(first({ credentialId, channel: '#general', blocks: '[{"text":"no type"}]' })).toBe(
      'blocks.0.type: each block needs a type ("section", "divider", …)',
    );
    expect(first({ credentialId, channel: '#general', blocks: 'not json' })).toBe(
      'blocks: blocks must be a list of Block Kit blocks, or its JSON text',
    );
  });
});
