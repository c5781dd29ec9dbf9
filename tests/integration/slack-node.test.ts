import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch, ownerOrg } from '../support/api';
import { SlackStub } from '../support/slack-stub';
import { expectSecretNowhere } from '../support/secret-exposure';

const token = `xoxb-${randomUUID()}`;
const slack = new SlackStub({ token, channels: { general: 'C0GENERAL', invoices: 'C0INVOICES' } });
let apiUrl = '';
let credentialId = '';

beforeAll(async () => {
  apiUrl = await slack.start();
  credentialId = await storeCredential(ownerOrg(), {
    name: `slack bot ${randomUUID().slice(0, 6)}`,
    type: 'slackBot',
    value: { token, apiUrl },
  });
});
afterAll(() => slack.stop());

async function runSlackNode(config: Record<string, unknown>, input?: unknown) {
  const workflowId = await publishWorkflow('slack message', {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      {
        id: 'post',
        type: 'slack.postMessage',
        config,
        settings: { retry: { maxAttempts: 3, initialIntervalMs: 10 } },
      },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.post.output }}' } },
    ],
    edges: [
      { source: 'start', target: 'post' },
      { source: 'post', target: 'out' },
    ],
  });
  return waitForRun(await startRun(workflowId, input));
}

describe('slack.postMessage', () => {
  it('posts the message with the bot token to the channel, and outputs where it landed', async () => {
    const run = await runSlackNode(
      { credentialId, channel: '#invoices', text: 'Invoice {{ input.number }} booked' },
      { number: 'A-1' },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(slack.messages).toHaveLength(1);
    const [posted] = slack.messages;
    expect(posted).toEqual({
      token,
      contentType: 'application/x-www-form-urlencoded',
      channel: 'C0INVOICES',
      text: 'Invoice A-1 booked',
      blocks: undefined,
      threadTs: undefined,
      ts: '1700000000.000001',
    });
    expect(run.output).toEqual({
      channel: 'C0INVOICES',
      ts: '1700000000.000001',
      message: { type: 'message', user: 'U0FLOWBOT', ts: '1700000000.000001', text: 'Invoice A-1 booked' },
    });
    await expectSecretNowhere(token, [run.id]);
  });

  it('waits out a rate limit inside the attempt', async () => {
    slack.rateLimitNext(1, 0);
    const run = await runSlackNode({ credentialId, channel: 'C0GENERAL', text: 'after a 429' });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.nodes.post).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
    expect(slack.messages.at(-1)).toMatchObject({ channel: 'C0GENERAL', text: 'after a 429' });
  });

  it("fails at once on Slack's refusals, naming Slack's error", async () => {
    const missing = await runSlackNode({ credentialId, channel: '#nowhere', text: 'lost' });
    expect(missing.status).toBe('FAILED');
    expect(missing.nodes.post).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(missing.nodes.post.error).toEqual({
      type: 'SlackApiError',
      message: 'Slack chat.postMessage failed: channel_not_found',
      details: { error: 'channel_not_found' },
    });

    const revoked = `xoxb-${randomUUID()}`;
    const badToken = await storeCredential(ownerOrg(), {
      name: `revoked bot ${randomUUID().slice(0, 6)}`,
      type: 'slackBot',
      value: { token: revoked, apiUrl },
    });
    const refused = await runSlackNode({ credentialId: badToken, channel: '#general', text: 'never' });
    expect(refused.nodes.post).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(refused.nodes.post.error).toEqual({
      type: 'SlackApiError',
      message: 'Slack chat.postMessage failed: invalid_auth',
      details: { error: 'invalid_auth' },
    });
    await expectSecretNowhere(revoked, [refused.id]);
  });

  it('refuses an API URL the outbound guard blocks', async () => {
    const webPort = new URL(inject('platform').webUrl).port;
    const loopback = await storeCredential(ownerOrg(), {
      name: `loopback bot ${randomUUID().slice(0, 6)}`,
      type: 'slackBot',
      value: { token, apiUrl: `http://127.0.0.1:${webPort}/api/` },
    });
    const run = await runSlackNode({ credentialId: loopback, channel: '#general', text: 'nope' });
    expect(run.nodes.post).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.post.error).toEqual({
      type: 'OutboundBlocked',
      message:
        'Slack chat.postMessage: Outbound request to 127.0.0.1 blocked: 127.0.0.1 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)',
    });
  });

  it("tests the credential against Slack's auth.test", async () => {
    const response = await apiFetch(`/api/credentials/${credentialId}/test`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: 'Slack accepted the token: bot flowbot in Flow Test' });
  });
});
