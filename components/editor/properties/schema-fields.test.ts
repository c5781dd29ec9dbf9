import { describe, expect, it } from 'vitest';
import { listPaletteNodes } from '@/lib/connectors/palette';
import { describeSchema, humanise, singular, type FieldDescriptor, type ObjectField } from './schema-fields';

// The real schemas, as GET /api/nodes serves them: the form must handle exactly these shapes.
const configOf = (type: string) => {
  const node = listPaletteNodes().find((candidate) => candidate.type === type);
  if (!node) throw new Error(`no node type ${type}`);
  return describeSchema(node.configSchema as Record<string, unknown>) as ObjectField;
};
const field = (fields: FieldDescriptor[], name: string) => fields.find((candidate) => candidate.name === name);

describe('describeSchema', () => {
  it('describes http.request: enums, a URL, records and discriminated unions', () => {
    const root = configOf('http.request');
    expect(root.kind).toBe('object');
    expect(root.fields.map((f) => f.name)).toEqual([
      'method',
      'url',
      'headers',
      'query',
      'body',
      'auth',
      'timeoutMs',
      'responseType',
      'idempotencyKey',
      'failOnStatus',
    ]);
    expect(field(root.fields, 'method')).toMatchObject({
      kind: 'enum',
      label: 'Method',
      required: false,
      default: 'GET',
      options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'],
    });
    expect(field(root.fields, 'url')).toMatchObject({ kind: 'string', label: 'URL', required: true, format: 'uri' });
    expect(field(root.fields, 'headers')).toMatchObject({
      kind: 'record',
      default: {},
      keyPattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
      value: { kind: 'string', pattern: '^[\\t\\x20-\\x7e\\x80-\\xff]*$' },
    });
    // Query values may be text, numbers or booleans: they are edited as text.
    expect(field(root.fields, 'query')).toMatchObject({ kind: 'record', value: { kind: 'string' } });
    expect(field(root.fields, 'timeoutMs')).toMatchObject({
      kind: 'number',
      label: 'Timeout (ms)',
      integer: true,
      minimum: 1,
      maximum: 300_000,
      default: 30_000,
    });
    expect(field(root.fields, 'idempotencyKey')).toMatchObject({ kind: 'boolean', default: true, required: false });

    const body = field(root.fields, 'body');
    expect(body).toMatchObject({ kind: 'union', discriminator: 'type', default: { type: 'none' } });
    if (body?.kind !== 'union') throw new Error('body is not a union');
    expect(body.variants.map((v) => [v.value, v.label])).toEqual([
      ['none', 'None'],
      ['json', 'JSON'],
      ['form', 'Form'],
      ['raw', 'Raw'],
    ]);
    expect(body.variants[0].fields).toEqual([]);
    expect(body.variants[1].fields).toMatchObject([{ name: 'value', kind: 'json', required: true }]);
    expect(body.variants[2].fields).toMatchObject([{ name: 'fields', kind: 'record', value: { kind: 'string' } }]);
    expect(body.variants[3].fields).toMatchObject([
      { name: 'content', kind: 'string', required: true },
      { name: 'contentType', kind: 'string', required: false, default: 'text/plain', minLength: 1 },
    ]);

    const auth = field(root.fields, 'auth');
    if (auth?.kind !== 'union') throw new Error('auth is not a union');
    expect(auth.variants.map((v) => v.value)).toEqual(['none', 'credential', 'bearer', 'basic', 'header']);
    expect(auth.variants[1].fields).toMatchObject([
      { name: 'credentialId', label: 'Credential ID', kind: 'string', format: 'uuid', required: true },
    ]);
    expect(auth.variants[3].fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['username', 'string', true],
      ['password', 'string', true],
    ]);
  });

  it('describes code.javascript: code, free input and bounded integers', () => {
    const root = configOf('code.javascript');
    expect(root.fields).toMatchObject([
      { name: 'code', kind: 'string', required: true, minLength: 1 },
      { name: 'input', kind: 'json', required: false },
      { name: 'timeoutMs', kind: 'number', integer: true, minimum: 1, maximum: 30_000, default: 1000 },
      { name: 'memoryLimitMb', label: 'Memory limit (MB)', kind: 'number', maximum: 256, default: 32 },
    ]);
  });

  it('describes logic.switch: an array of objects', () => {
    const cases = field(configOf('logic.switch').fields, 'cases');
    expect(cases).toMatchObject({
      kind: 'array',
      required: true,
      minItems: 1,
      item: {
        kind: 'object',
        fields: [
          { name: 'name', kind: 'string', pattern: '^[A-Za-z0-9_-]+$', required: true },
          { name: 'when', kind: 'boolean', required: true },
        ],
      },
    });
  });

  it('describes human.approval: defaults, an array of strings, an integer', () => {
    expect(configOf('human.approval').fields).toMatchObject([
      { name: 'message', kind: 'string', required: false, default: '' },
      { name: 'approvers', kind: 'array', required: false, default: [], item: { kind: 'string' } },
      { name: 'timeoutMs', kind: 'number', integer: true, minimum: 1, required: false },
    ]);
  });

  it('describes a config that is itself a union (flow.delay) and configs without fields', () => {
    const delay = configOf('flow.delay') as unknown as FieldDescriptor;
    expect(delay).toMatchObject({ kind: 'union', discriminator: 'mode' });
    if (delay.kind !== 'union') throw new Error('delay is not a union');
    expect(delay.variants.map((v) => [v.value, v.fields.map((f) => f.name)])).toEqual([
      ['duration', ['durationMs']],
      ['until', ['until']],
    ]);
    expect(configOf('trigger.manual')).toMatchObject({ kind: 'object', fields: [] });
  });

  it('edits arrays of anything and records of anything as JSON', () => {
    expect(field(configOf('flow.forEach').fields, 'items')).toMatchObject({ kind: 'json', required: true });
    expect(field(configOf('data.set').fields, 'values')).toMatchObject({
      kind: 'record',
      keyPattern: '^[A-Za-z_]\\w*$',
      value: { kind: 'json' },
    });
  });

  it('reads descriptions, nullable branches and mixed unions', () => {
    expect(describeSchema({ type: 'string', description: 'Where to send it' }, 'target', true)).toMatchObject({
      kind: 'string',
      description: 'Where to send it',
    });
    expect(describeSchema({ anyOf: [{ type: 'number' }, { type: 'null' }] }, 'limit', true)).toMatchObject({
      kind: 'number',
      required: false,
    });
    expect(describeSchema({ anyOf: [{ type: 'string' }, { type: 'object' }] }, 'x', true)).toMatchObject({
      kind: 'json',
    });
    expect(
      describeSchema({ anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] }, 'to', true),
    ).toMatchObject({ kind: 'string', required: true });
  });

  it('keeps the credential type a credential id field asks for', () => {
    expect(field(configOf('postgres.query').fields, 'credentialId')).toMatchObject({
      kind: 'string',
      format: 'uuid',
      credentialType: 'postgres',
    });
  });

  it('describes ai.llm: either of two credential types, the prompt as text, the output schema as JSON', () => {
    const root = configOf('ai.llm');
    expect(root.fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ['credentialId', 'string', true],
      ['model', 'string', true],
      ['system', 'string', false],
      ['prompt', 'string', true],
      ['temperature', 'number', false],
      ['maxTokens', 'number', false],
      ['outputSchema', 'json', false],
      ['maxRepairs', 'number', false],
      ['timeoutMs', 'number', false],
    ]);
    expect(field(root.fields, 'credentialId')).toMatchObject({ credentialType: ['anthropic', 'openai'] });
  });
});

describe('humanise', () => {
  it('splits camel case and spells acronyms and units', () => {
    expect(humanise('failOnStatus')).toBe('Fail on status');
    expect(humanise('maxIntervalMs')).toBe('Max interval (ms)');
    expect(humanise('workflowId')).toBe('Workflow ID');
    expect(humanise('error-branch')).toBe('Error branch');
  });
});

describe('singular', () => {
  it('names one item of a plural label', () => {
    expect(singular('Cases')).toBe('case');
    expect(singular('Non retryable error types')).toBe('non retryable error type');
    expect(singular('Query')).toBe('query');
    expect(singular('Address')).toBe('address');
  });
});
