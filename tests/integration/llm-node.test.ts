import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch, ownerOrg } from '../support/api';
import { AnthropicStub } from '../support/anthropic-stub';
import { OpenAIStub } from '../support/openai-stub';
import { expectSecretNowhere } from '../support/secret-exposure';
import { eventReader } from '../support/sse';

const anthropicKey = `sk-ant-${randomUUID()}`;
const openaiKey = `sk-${randomUUID()}`;
const anthropic = new AnthropicStub({ apiKey: anthropicKey, models: ['claude-haiku-4-5'] });
const openai = new OpenAIStub({ apiKey: openaiKey, models: ['gpt-4o-mini', 'llama3.1'] });
const credentials = { anthropic: '', openai: '' };
let anthropicUrl = '';
const invoiceSchema = {
  type: 'object',
  properties: { vendor: { type: 'string' }, total: { type: 'number' } },
  required: ['vendor', 'total'],
};

beforeAll(async () => {
  let openaiUrl: string;
  [anthropicUrl, openaiUrl] = await Promise.all([anthropic.start(), openai.start()]);
  credentials.anthropic = await storeCredential(ownerOrg(), {
    name: `anthropic ${randomUUID().slice(0, 6)}`,
    type: 'anthropic',
    value: { apiKey: anthropicKey, baseUrl: anthropicUrl },
  });
  credentials.openai = await storeCredential(ownerOrg(), {
    name: `ollama ${randomUUID().slice(0, 6)}`,
    type: 'openai',
    value: { apiKey: openaiKey, baseUrl: `${openaiUrl}/v1` },
  });
});
afterAll(() => Promise.all([anthropic.stop(), openai.stop()]));

async function runLlmNode(config: Record<string, unknown>, input?: unknown) {
  return waitForRun(await startLlmNode(config, input));
}

async function startLlmNode(config: Record<string, unknown>, input?: unknown) {
  const workflowId = await publishWorkflow('llm', {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      { id: 'ask', type: 'ai.llm', config, settings: { retry: { maxAttempts: 3, initialIntervalMs: 10 } } },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.ask.output }}' } },
    ],
    edges: [
      { source: 'start', target: 'ask' },
      { source: 'ask', target: 'out' },
    ],
  });
  return startRun(workflowId, input);
}

/** The run's log lines as GET /api/runs/:id/events sends them in its snapshot. */
async function logLines(runId: string) {
  const stream = eventReader(await apiFetch(`/api/runs/${runId}/events`));
  const snapshot = (await stream.next())!;
  await stream.cancel();
  const { logs } = snapshot.data as {
    logs: { nodeId: string; attempt: number; level: string; message: string; data: unknown }[];
  };
  return logs.map(({ nodeId, attempt, level, message, data }) => ({ nodeId, attempt, level, message, data }));
}

describe('ai.llm', () => {
  it('asks Claude with the resolved prompt, streams the reply into the run log and outputs it with usage and cost', async () => {
    anthropic.script({ text: 'ACME sent invoice A-1.\nTotal: 12.50 EUR', inputTokens: 1200, outputTokens: 350 });
    const run = await runLlmNode(
      {
        credentialId: credentials.anthropic,
        model: 'claude-haiku-4-5',
        system: 'You summarise invoices.',
        prompt: 'Summarise the invoice from {{ input.vendor }}',
        temperature: 0,
        maxTokens: 200,
      },
      { vendor: 'ACME' },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({
      text: 'ACME sent invoice A-1.\nTotal: 12.50 EUR',
      model: 'claude-haiku-4-5',
      usage: { inputTokens: 1200, outputTokens: 350 },
      costUsd: 0.00295,
      repairs: 0,
    });
    expect(anthropic.requests.at(-1)).toEqual({
      apiKey: anthropicKey,
      path: '/v1/messages',
      body: {
        model: 'claude-haiku-4-5',
        max_tokens: 200,
        system: 'You summarise invoices.',
        temperature: 0,
        messages: [{ role: 'user', content: 'Summarise the invoice from ACME' }],
        stream: true,
      },
    });
    expect(await logLines(run.id)).toEqual([
      { nodeId: 'ask', attempt: 1, level: 'INFO', message: 'ACME sent invoice A-1.', data: { reply: 1 } },
      { nodeId: 'ask', attempt: 1, level: 'INFO', message: 'Total: 12.50 EUR', data: { reply: 1 } },
    ]);
    await expectSecretNowhere(anthropicKey, [run.id]);
  });

  it('sends the reply’s lines to the live log while the model is still answering', async () => {
    anthropic.script({ text: 'First line of the answer.\nSecond line.', holdAfterChars: 30 });
    const runId = await startLlmNode({ credentialId: credentials.anthropic, model: 'claude-haiku-4-5', prompt: 'Go' });
    await anthropic.whenHolding();
    const stream = eventReader(await apiFetch(`/api/runs/${runId}/events`));
    const snapshot = (await stream.next())!.data as { logs: { message: string }[] };
    const seen = snapshot.logs.map((line) => line.message);
    while (!seen.includes('First line of the answer.')) {
      const event = (await stream.next())!;
      if (event.event === 'log') seen.push((event.data as { message: string }).message);
    }
    await stream.cancel();
    expect(seen).toEqual(['First line of the answer.']);
    anthropic.release();
    const run = await waitForRun(runId);
    expect(run.status).toBe('SUCCEEDED');
    expect(await logLines(runId)).toEqual([
      { nodeId: 'ask', attempt: 1, level: 'INFO', message: 'First line of the answer.', data: { reply: 1 } },
      { nodeId: 'ask', attempt: 1, level: 'INFO', message: 'Second line.', data: { reply: 1 } },
    ]);
  });

  it('asks an OpenAI-compatible server (an Ollama model: no price, so no cost)', async () => {
    openai.script({ text: 'Bonjour', inputTokens: 7, outputTokens: 2 });
    const run = await runLlmNode({
      credentialId: credentials.openai,
      model: 'llama3.1',
      prompt: 'Say hello in French',
    });
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({
      text: 'Bonjour',
      model: 'llama3.1',
      usage: { inputTokens: 7, outputTokens: 2 },
      repairs: 0,
    });
    expect(openai.requests.at(-1)).toEqual({
      apiKey: openaiKey,
      path: '/v1/chat/completions',
      body: {
        model: 'llama3.1',
        messages: [{ role: 'user', content: 'Say hello in French' }],
        max_tokens: 1024,
        stream: true,
        stream_options: { include_usage: true },
      },
    });
    expect(await logLines(run.id)).toEqual([
      { nodeId: 'ask', attempt: 1, level: 'INFO', message: 'Bonjour', data: { reply: 1 } },
    ]);
    await expectSecretNowhere(openaiKey, [run.id]);
  });

  it('has a reply that does not match the output schema repaired, the errors quoted back', async () => {
    openai.script(
      { text: '{"vendor":"ACME","total":"12.50"}', inputTokens: 100, outputTokens: 10 },
      { text: '{"vendor":"ACME","total":12.5}', inputTokens: 130, outputTokens: 10 },
    );
    const before = openai.requests.length;
    const run = await runLlmNode(
      {
        credentialId: credentials.openai,
        model: 'gpt-4o-mini',
        prompt: 'Extract the invoice: {{ input.text }}',
        outputSchema: invoiceSchema,
      },
      { text: 'ACME, 12.50' },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({
      text: '{"vendor":"ACME","total":12.5}',
      json: { vendor: 'ACME', total: 12.5 },
      model: 'gpt-4o-mini',
      usage: { inputTokens: 230, outputTokens: 20 },
      costUsd: 0.000047,
      repairs: 1,
    });
    const repair = openai.requests.slice(before)[1].body.messages as { role: string; content: string }[];
    expect(repair.slice(1)).toEqual([
      { role: 'user', content: 'Extract the invoice: ACME, 12.50' },
      { role: 'assistant', content: '{"vendor":"ACME","total":"12.50"}' },
      {
        role: 'user',
        content:
          'Your reply does not match the required JSON Schema:\n- /total: must be number\nAnswer again with only the corrected JSON value, and no other text.',
      },
    ]);
    expect(run.nodes.ask).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });

  it('fails without retrying, naming the errors, when the reply stays invalid after the repairs', async () => {
    anthropic.script({ text: '{"vendor":"ACME"}' }, { text: '{"vendor":"ACME"}' }, { text: '{"vendor":"ACME"}' });
    const before = anthropic.requests.length;
    const run = await runLlmNode({
      credentialId: credentials.anthropic,
      model: 'claude-haiku-4-5',
      prompt: 'Extract',
      outputSchema: invoiceSchema,
    });
    expect(run.status).toBe('FAILED');
    expect(run.nodes.ask).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.ask.error).toEqual({
      type: 'LlmOutputInvalid',
      message: "The reply does not match outputSchema after 2 repairs: (root): must have required property 'total'",
      details: {
        errors: ["(root): must have required property 'total'"],
        usage: { inputTokens: 30, outputTokens: 60 },
      },
    });
    expect(anthropic.requests.length - before).toBe(3);
  });

  it('fails at once on a refused key, naming the credential, and never shows the key', async () => {
    const wrongKey = `sk-ant-${randomUUID()}`;
    const name = `revoked ${randomUUID().slice(0, 6)}`;
    const revoked = await storeCredential(ownerOrg(), {
      name,
      type: 'anthropic',
      value: { apiKey: wrongKey, baseUrl: anthropicUrl },
    });
    const run = await runLlmNode({ credentialId: revoked, model: 'claude-haiku-4-5', prompt: 'hi' });
    expect(run.status).toBe('FAILED');
    expect(run.nodes.ask).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.ask.error).toEqual({
      type: 'LlmAuthFailed',
      message: `Anthropic refused the API key of credential "${name}" (401: invalid x-api-key): put in a valid key under Settings → Credentials`,
    });
    await expectSecretNowhere(wrongKey, [run.id]);
  });

  it('fails at once on an unknown model, naming it, and retries a server error', async () => {
    const missing = await runLlmNode({ credentialId: credentials.openai, model: 'gpt-9', prompt: 'hi' });
    expect(missing.nodes.ask).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(missing.nodes.ask.error.type).toBe('LlmModelNotFound');
    expect(missing.nodes.ask.error.message).toMatch(
      /^The OpenAI-compatible API at http:\/\/127\.0\.0\.2:\d+\/v1 has no model "gpt-9" \(404: The model `gpt-9` does not exist or you do not have access to it\.\): check the model name$/,
    );

    openai.script({ status: 500, message: 'worker crashed' }, { text: 'second time lucky' });
    const retried = await runLlmNode({ credentialId: credentials.openai, model: 'gpt-4o-mini', prompt: 'hi' });
    expect(retried.status).toBe('SUCCEEDED');
    expect(retried.nodes.ask).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
    expect(retried.output).toMatchObject({ text: 'second time lucky', repairs: 0 });
  });

  it('refuses a base URL the outbound guard blocks, and a credential of another type', async () => {
    const webPort = new URL(inject('platform').webUrl).port;
    const loopback = await storeCredential(ownerOrg(), {
      name: `loopback llm ${randomUUID().slice(0, 6)}`,
      type: 'openai',
      value: { apiKey: openaiKey, baseUrl: `http://127.0.0.1:${webPort}/v1` },
    });
    const blocked = await runLlmNode({ credentialId: loopback, model: 'gpt-4o-mini', prompt: 'hi' });
    expect(blocked.nodes.ask).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(blocked.nodes.ask.error).toEqual({
      type: 'OutboundBlocked',
      message: `The OpenAI-compatible API at http://127.0.0.1:${webPort}/v1: Outbound request to 127.0.0.1 blocked: 127.0.0.1 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)`,
    });

    const bearer = await storeCredential(ownerOrg(), {
      name: `bearer ${randomUUID().slice(0, 6)}`,
      type: 'bearer',
      value: { token: `t-${randomUUID()}` },
    });
    const mismatch = await runLlmNode({ credentialId: bearer, model: 'gpt-4o-mini', prompt: 'hi' });
    expect(mismatch.nodes.ask).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(mismatch.nodes.ask.error).toEqual({
      type: 'CredentialTypeMismatch',
      message:
        'credentialId: the credential is a Bearer token, not an Anthropic API key or OpenAI-compatible API key: choose an Anthropic API key or OpenAI-compatible API key credential',
    });
  });

  it('tests both credentials by listing the models their keys may use', async () => {
    const test = async (id: string) => {
      const response = await apiFetch(`/api/credentials/${id}/test`, { method: 'POST', body: '{}' });
      return { status: response.status, body: await response.json() };
    };
    expect(await test(credentials.anthropic)).toEqual({
      status: 200,
      body: { ok: true, message: 'Anthropic accepted the key: 1 model available (claude-haiku-4-5)' },
    });
    expect(await test(credentials.openai)).toEqual({
      status: 200,
      body: { ok: true, message: 'The API accepted the key: 2 models available (gpt-4o-mini, llama3.1)' },
    });
  });
});
