import { describe, expect, it } from 'vitest';
import { checkReply, compileOutputSchema, repairRequest } from './output-schema';

const invoice = compileOutputSchema({
  type: 'object',
  properties: {
    vendor: { type: 'string' },
    total: { type: 'number' },
    currency: { enum: ['EUR', 'USD'] },
    date: { type: 'string', format: 'date' },
  },
  required: ['vendor', 'total'],
  additionalProperties: false,
});

describe('checkReply', () => {
  it('parses a reply that matches, bare or in one fenced block', () => {
    expect(checkReply(invoice, ' {"vendor":"ACME","total":12.5} ')).toEqual({
      ok: true,
      value: { vendor: 'ACME', total: 12.5 },
    });
    expect(checkReply(invoice, '```json\n{"vendor":"ACME","total":1,"date":"2030-01-31"}\n```')).toEqual({
      ok: true,
      value: { vendor: 'ACME', total: 1, date: '2030-01-31' },
    });
  });

  it('lists every error, each with the path at fault', () => {
    expect(checkReply(invoice, '{"total":"12","currency":"GBP","date":"31.01.2030","note":"x"}')).toEqual({
      ok: false,
      errors: [
        "(root): must have required property 'vendor'",
        '(root): must NOT have additional properties (note)',
        '/total: must be number',
        '/currency: must be equal to one of the allowed values ("EUR", "USD")',
        '/date: must match format "date"',
      ],
    });
  });

  it('says when the reply is not JSON at all', () => {
    expect(checkReply(invoice, 'The vendor is ACME.')).toEqual({
      ok: false,
      errors: ['(root): the reply is not JSON: answer with only the JSON value'],
    });
  });

  it('reads a schema by the draft it declares: 2020-12 by default, draft-07 when it says so', () => {
    const tuple2020 = compileOutputSchema({ type: 'array', prefixItems: [{ type: 'string' }], items: false });
    expect(checkReply(tuple2020, '["a"]')).toEqual({ ok: true, value: ['a'] });
    expect(checkReply(tuple2020, '["a", 1]')).toEqual({
      ok: false,
      errors: ['(root): must NOT have more than 1 items'],
    });
    const tuple07 = compileOutputSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }],
      additionalItems: false,
    });
    expect(checkReply(tuple07, '["a", 1]')).toEqual({ ok: false, errors: ['(root): must NOT have more than 1 items'] });
  });

  it('refuses a schema that is not one', () => {
    expect(() => compileOutputSchema({ type: 'thing' })).toThrow(/must be equal to one of the allowed values/);
  });
});

describe('repairRequest', () => {
  it('quotes the errors and asks for the corrected JSON only', () => {
    expect(repairRequest(['/total: must be number', "(root): must have required property 'vendor'"])).toBe(
      [
        'Your reply does not match the required JSON Schema:',
        '- /total: must be number',
        "- (root): must have required property 'vendor'",
        'Answer again with only the corrected JSON value, and no other text.',
      ].join('\n'),
    );
  });
});
