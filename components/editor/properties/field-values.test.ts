import { describe, expect, it } from 'vitest';
import {
  changedKeys,
  currentVariant,
  fromExpression,
  initialValue,
  toExpression,
  variantValue,
  withKey,
} from './field-values';
import { describeSchema, type UnionField } from './schema-fields';

const body = describeSchema(
  {
    default: { type: 'none' },
    oneOf: [
      { type: 'object', properties: { type: { type: 'string', const: 'none' } }, required: ['type'] },
      {
        type: 'object',
        properties: {
          type: { type: 'string', const: 'raw' },
          content: { type: 'string' },
          contentType: { default: 'text/plain', type: 'string' },
        },
        required: ['type', 'content'],
      },
      {
        type: 'object',
        properties: { type: { type: 'string', const: 'form' }, fields: { type: 'object', additionalProperties: {} } },
        required: ['type', 'fields'],
      },
    ],
  },
  'body',
  false,
) as UnionField;

describe('union values', () => {
  it("starts a variant with its required fields only, leaving defaults to the node's schema", () => {
    expect(variantValue(body, 'raw')).toEqual({ type: 'raw', content: '' });
    expect(variantValue(body, 'form')).toEqual({ type: 'form', fields: {} });
    expect(variantValue(body, 'nope')).toEqual({});
  });

  it('reads the variant from the discriminator, or the default when there is no value', () => {
    expect(currentVariant(body, { type: 'form', fields: {} })?.value).toBe('form');
    expect(currentVariant(body, undefined)?.value).toBe('none');
    expect(currentVariant(body, '{{ nodes.a.output }}')).toBeUndefined();
  });
});

describe('initialValue', () => {
  it('fills an object row with what it requires', () => {
    const item = describeSchema({
      type: 'object',
      properties: { name: { type: 'string' }, when: { type: 'boolean' }, note: { type: 'string' } },
      required: ['name', 'when'],
    });
    expect(initialValue(item)).toEqual({ name: '' });
    expect(initialValue(body)).toEqual({ type: 'none' });
  });
});

describe('toExpression and fromExpression', () => {
  it('writes the current value as a JSONata literal', () => {
    expect(toExpression(5)).toBe('{{ 5 }}');
    expect(toExpression([1, 'a'])).toBe('{{ [1,"a"] }}');
    expect(toExpression(undefined)).toBe('{{  }}');
  });

  it('reads a literal back, and nothing from a real expression', () => {
    expect(fromExpression('{{ 5 }}')).toBe(5);
    expect(fromExpression(toExpression({ a: [true] }))).toEqual({ a: [true] });
    expect(fromExpression('{{ nodes.fetch.output.total > 5 }}')).toBeUndefined();
    expect(fromExpression('total: {{ 5 }}')).toBeUndefined();
  });
});

describe('object edits', () => {
  it('sets and removes keys without touching the original', () => {
    const original = { a: 1, b: 2 };
    expect(withKey(original, 'b', undefined)).toEqual({ a: 1 });
    expect(withKey(original, 'c', 3)).toEqual({ a: 1, b: 2, c: 3 });
    expect(original).toEqual({ a: 1, b: 2 });
  });

  it('lists the keys that changed', () => {
    const shared = { x: 1 };
    expect(changedKeys({ mode: 'duration', durationMs: 5, shared }, { mode: 'until', until: '', shared })).toEqual([
      'mode',
      'durationMs',
      'until',
    ]);
  });
});
