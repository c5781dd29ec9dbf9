import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeFailure } from '../define-node';
import { aiLlm } from '../nodes/ai-llm';
import { testActivityContext } from '../test-activity-context';
import { defaultOutboundPolicy, type OutboundPolicy } from '../../outbound/policy';
import { AnthropicStub } from '../../../tests/support/anthropic-stub';
import { OpenAIStub } from '../../../tests/support/openai-stub';
import { complete } from './complete';
import { llmFailure } from './failures';
import { anthropicProvider, openaiProvider, type ChatProvider } from './providers';

const apiKey = 'sk-unit-test-key-0123456789';
const credentialId = '0190a9d4-4c1e-7d2a-9b7e-6f1d2c3b4a59';
const anthropic = new AnthropicStub({ apiKey, models: ['claude-haiku-4-5'] });
const openai = new OpenAIStub({ apiKey, models: ['gpt-4o-mini', 'llama3.1'] });
let anthropicUrl = '';
let openaiUrl = '';

beforeAll(async () => {
  anthropicUrl = await anthropic.start();
  openaiUrl = `${await openai.start()}/v1`;
});
afterAll(() => Promise.all([anthropic.stop(), openai.stop()]));

type Setup = {
  name: string;
  stub: AnthropicStub | OpenAIStub;
  model: string;
  provider: (context: Io, key?: string) => ChatProvider;
};
type Io = ReturnType<typeof testActivityContext>['context'];

const setups: Setup[] = [
  {
    name: 'Anthropic',
    stub: anthropic,
    model: 'claude-haiku-4-5',
    provider: (io, key = apiKey) => anthropicProvider({ apiKey: key, baseUrl: anthropicUrl }, io),
  },
  {
    name: 'OpenAI-compatible',
    stub: openai,
    model: 'gpt-4o-mini',
    provider: (io, key = apiKey) => openaiProvider({ apiKey: key, baseUrl: openaiUrl }, io),
  },
];

function ask(setup: Setup, config: Record<string, unknown>, options: { key?: string; outbound?: OutboundPolicy } = {}) {
  const { context, logs } = testActivityContext(
    aiLlm,
    { credentialId, model: setup.model, ...config },
    options.outbound ? { outbound: options.outbound } : {},
  );
  const provider = setup.provider(context, options.key);
  const { outputSchema, ...rest } = context.config;
  const result = complete(
    provider,
    { ...rest, outputSchema: outputSchema as Record<string, unknown> | undefined },
    context.log,
  ).catch(async (error: unknown) => {
    throw await llmFailure(error, {
      provider: setup.name,
      baseUrl: 'http://stub',
      model: context.config.model,
      credentialName: async () => 'team key',
    });
  });
  return { result, logs };
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => expect.fail('the completion should have failed'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NodeFailure);
  const failure = error as NodeFailure;
  return { message: failure.message, ...failure.options };
}

const schema = {
  type: 'object',
  properties: { vendor: { type: 'string' }, total: { type: 'number' } },
  required: ['vendor', 'total'],
};

describe.each(setups)('complete through the $name API', (setup) => {
  it('streams the reply into the log, a line per line of text, and outputs it with usage and cost', async () => {
    const long = 'x'.repeat(450);
    setup.stub.script({ text: `Dear ACME,\nyour invoice is booked.\n${long}`, inputTokens: 1200, outputTokens: 350 });
    const before = setup.stub.requests.length;
    const { result, logs } = ask(setup, {
      system: 'Be brief.',
      prompt: 'Write to ACME',
      temperature: 0.2,
      maxTokens: 300,
    });
    const expectedCost = setup.model === 'gpt-4o-mini' ? 0.00039 : 0.00295;
    expect(await result).toEqual({
      text: `Dear ACME,\nyour invoice is booked.\n${long}`,
      model: setup.model,
      usage: { inputTokens: 1200, outputTokens: 350 },
      costUsd: expectedCost,
      repairs: 0,
    });
    expect(logs).toEqual(
      ['Dear ACME,', 'your invoice is booked.', 'x'.repeat(200), 'x'.repeat(200), 'x'.repeat(50)].map((message) => ({
        level: 'INFO',
        message,
        data: { reply: 1 },
      })),
    );
    const sent = setup.stub.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].apiKey).toBe(apiKey);
    if (setup.stub === anthropic) {
      expect(sent[0].body).toEqual({
        model: setup.model,
        max_tokens: 300,
        system: 'Be brief.',
        temperature: 0.2,
        messages: [{ role: 'user', content: 'Write to ACME' }],
        stream: true,
      });
    } else {
      expect(sent[0].body).toEqual({
        model: setup.model,
        max_tokens: 300,
        temperature: 0.2,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Write to ACME' },
        ],
        stream: true,
        stream_options: { include_usage: true },
      });
    }
  });

  it('asks for a repair quoting the errors when the reply does not match the schema, and sums the usage', async () => {
    setup.stub.script(
      { text: '{"vendor":"ACME","total":"12.50"}' },
      { text: '```json\n{"vendor":"ACME","total":12.5}\n```' },
    );
    const before = setup.stub.requests.length;
    const { result, logs } = ask(setup, { prompt: 'Extract', outputSchema: JSON.stringify(schema) });
    expect(await result).toMatchObject({
      json: { vendor: 'ACME', total: 12.5 },
      usage: { inputTokens: 20, outputTokens: 40 },
      repairs: 1,
    });
    const [first, second] = setup.stub.requests.slice(before).map((request) => request.body);
    const system = `Answer with only a JSON value, and no other text, that matches this JSON Schema:\n${JSON.stringify(schema)}`;
    const conversation = [
      { role: 'user', content: 'Extract' },
      { role: 'assistant', content: '{"vendor":"ACME","total":"12.50"}' },
      {
        role: 'user',
        content:
          'Your reply does not match the required JSON Schema:\n- /total: must be number\nAnswer again with only the corrected JSON value, and no other text.',
      },
    ];
    if (setup.stub === anthropic) {
      expect(first).toMatchObject({ system, messages: conversation.slice(0, 1) });
      expect(second).toMatchObject({ system, messages: conversation });
    } else {
      expect(first.messages).toEqual([{ role: 'system', content: system }, ...conversation.slice(0, 1)]);
      expect(second.messages).toEqual([{ role: 'system', content: system }, ...conversation]);
    }
    expect(logs.filter((entry) => entry.level === 'WARN')).toEqual([
      {
        level: 'WARN',
        message:
          'The reply does not match outputSchema (/total: must be number): asking the model to repair it (1 of 2)',
      },
    ]);
  });

  it('takes a reply that matches on the last repair allowed', async () => {
    setup.stub.script(
      { text: 'Sure! Here it is.' },
      { text: '{"vendor":"ACME"}' },
      { text: '{"vendor":"ACME","total":3}' },
    );
    const { result, logs } = ask(setup, { prompt: 'Extract', outputSchema: schema });
    expect(await result).toMatchObject({ json: { vendor: 'ACME', total: 3 }, repairs: 2 });
    expect(logs.filter((entry) => entry.level === 'WARN').map((entry) => entry.message)).toEqual([
      'The reply does not match outputSchema ((root): the reply is not JSON: answer with only the JSON value): asking the model to repair it (1 of 2)',
      "The reply does not match outputSchema ((root): must have required property 'total'): asking the model to repair it (2 of 2)",
    ]);
    expect(logs.filter((entry) => entry.level === 'INFO').map((entry) => [entry.message, entry.data])).toEqual([
      ['Sure! Here it is.', { reply: 1 }],
      ['{"vendor":"ACME"}', { reply: 2 }],
      ['{"vendor":"ACME","total":3}', { reply: 3 }],
    ]);
  });

  it('fails without retrying, naming the errors, when the repairs do not help', async () => {
    setup.stub.script({ text: '{"vendor":1}' }, { text: '{"vendor":2}' }, { text: 'no JSON here' });
    const { result } = ask(setup, { prompt: 'Extract', outputSchema: schema });
    expect(await failureOf(result)).toEqual({
      message:
        'The reply does not match outputSchema after 2 repairs: (root): the reply is not JSON: answer with only the JSON value',
      type: 'LlmOutputInvalid',
      nonRetryable: true,
      details: {
        errors: ['(root): the reply is not JSON: answer with only the JSON value'],
        usage: { inputTokens: 30, outputTokens: 60 },
      },
    });
    setup.stub.script({ text: '{"vendor":1}' });
    expect(
      await failureOf(ask(setup, { prompt: 'Extract', outputSchema: schema, maxRepairs: 0 }).result),
    ).toMatchObject({
      message:
        "The reply does not match outputSchema after 0 repairs: (root): must have required property 'total'; /vendor: must be string",
    });
  });

  it('fails at once on a refused key, naming the credential, and on an unknown model, naming it', async () => {
    const refusedKey = await failureOf(ask(setup, { prompt: 'hi' }, { key: 'sk-wrong' }).result);
    expect(refusedKey).toEqual({
      message: `${setup.name} refused the API key of credential "team key" (401: ${setup.stub === anthropic ? 'invalid x-api-key' : 'Incorrect API key provided.'}): put in a valid key under Settings → Credentials`,
      type: 'LlmAuthFailed',
      nonRetryable: true,
    });
    const unknown = await failureOf(ask(setup, { prompt: 'hi', model: 'no-such-model' }).result);
    expect(unknown).toEqual({
      message: `${setup.name} at http://stub has no model "no-such-model" (404: ${setup.stub === anthropic ? 'model: no-such-model' : 'The model `no-such-model` does not exist or you do not have access to it.'}): check the model name`,
      type: 'LlmModelNotFound',
      nonRetryable: true,
    });
  });

  it('fails retryably on a rate limit and on a server error', async () => {
    setup.stub.script({ status: 429, message: 'slow down' }, { status: 503, message: 'overloaded' });
    expect(await failureOf(ask(setup, { prompt: 'hi' }).result)).toEqual({
      message: `${setup.name} is limiting the rate of requests (429: slow down)`,
      type: 'LlmRateLimited',
    });
    expect(await failureOf(ask(setup, { prompt: 'hi' }).result)).toEqual({
      message: `${setup.name} failed on its side (503: overloaded)`,
      type: 'LlmServerError',
    });
  });

  it('fails without retrying when the model refuses', async () => {
    setup.stub.script(
      setup.stub === anthropic
        ? { text: 'I can’t help with that.', stopReason: 'refusal' }
        : { text: 'I can’t help with that.', refusal: true },
    );
    expect(await failureOf(ask(setup, { prompt: 'Something it will not do' }).result)).toEqual({
      message: 'The model refused to answer: I can’t help with that.',
      type: 'LlmRefused',
      nonRetryable: true,
    });
  });

  it('goes through the outbound guard: the default policy refuses the loopback stub', async () => {
    const before = setup.stub.requests.length;
    const { result } = ask(setup, { prompt: 'hi' }, { outbound: defaultOutboundPolicy() });
    expect(await failureOf(result)).toEqual({
      message: expect.stringMatching(
        new RegExp(
          `^${setup.name} at http://stub: Outbound request to 127\\.0\\.0\\.2 blocked: 127\\.0\\.0\\.2 is a loopback address`,
        ),
      ),
      type: 'OutboundBlocked',
      nonRetryable: true,
    });
    expect(setup.stub.requests.length).toBe(before);
  });
});

describe('ai.llm config', () => {
  const first = (config: Record<string, unknown>) => {
    const result = aiLlm.config.safeParse({ credentialId, model: 'gpt-4o-mini', prompt: 'hi', ...config });
    return result.success ? undefined : `${result.error.issues[0].path.join('.')}: ${result.error.issues[0].message}`;
  };

  it('takes the output schema as an object or its JSON text, and refuses one that is not a JSON Schema', () => {
    expect(aiLlm.config.parse({ credentialId, model: 'm', prompt: 'p', outputSchema: '{"type":"object"}' })).toEqual({
      credentialId,
      model: 'm',
      prompt: 'p',
      outputSchema: { type: 'object' },
      maxTokens: 1024,
      maxRepairs: 2,
      timeoutMs: 120_000,
    });
    expect(first({ outputSchema: '' })).toBeUndefined();
    expect(first({ outputSchema: '[1]' })).toBe(
      'outputSchema: outputSchema must be a JSON Schema object, such as { "type": "object", "properties": { … } }',
    );
    expect(first({ outputSchema: { type: 'thing' } })).toBe(
      'outputSchema: outputSchema is not a valid JSON Schema: schema is invalid: data/type must be equal to one of the allowed values, data/type must be array, data/type must match a schema in anyOf',
    );
  });

  it('refuses an empty prompt or model and out-of-range numbers', () => {
    expect(first({ prompt: '  ' })).toBe('prompt: prompt is empty: write what to ask the model');
    expect(first({ model: '' })).toBe(
      'model: model is empty: name a model, such as claude-sonnet-4-5, gpt-4o-mini or llama3.1',
    );
    expect(first({ temperature: 3 })).toBe('temperature: temperature may be at most 2');
    expect(first({ maxRepairs: 6 })).toBe('maxRepairs: maxRepairs may be at most 5');
  });
});
