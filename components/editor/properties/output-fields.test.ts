import { describe, expect, it } from 'vitest';
import { fieldsAt, outputFieldsOf } from './output-fields';

describe('outputFieldsOf', () => {
  it('reads nested properties, and the fields of every alternative', () => {
    const schema = {
      anyOf: [
        { type: 'object', properties: { decision: { const: 'approved' }, approver: { type: 'string' } } },
        { type: 'object', properties: { decision: { const: 'timeout' } } },
      ],
      properties: { meta: { type: 'object', properties: { at: { type: 'string' } } } },
    };
    expect(outputFieldsOf(schema)).toEqual({ decision: {}, approver: {}, meta: { at: {} } });
  });

  it('knows nothing of an open or missing schema', () => {
    expect(outputFieldsOf({})).toEqual({});
    expect(outputFieldsOf(undefined)).toEqual({});
    expect(outputFieldsOf({ type: 'array', items: { type: 'object', properties: { a: {} } } })).toEqual({});
  });
});

describe('fieldsAt', () => {
  const fields = { body: {}, meta: { at: {} } };
  it('walks down a path and stops where nothing more is known', () => {
    expect(fieldsAt(fields, [])).toEqual(fields);
    expect(fieldsAt(fields, ['meta'])).toEqual({ at: {} });
    expect(fieldsAt(fields, ['body'])).toBeUndefined();
    expect(fieldsAt(fields, ['nope', 'deeper'])).toBeUndefined();
    expect(fieldsAt(undefined, [])).toBeUndefined();
  });
});
