import { describe, expect, it } from 'vitest';
import { call } from '../support/workflow-api';

describe('GET /api/nodes', () => {
  it('lists every node type with its handles and JSON Schemas', async () => {
    const { status, body } = await call('GET', '/nodes');
    expect(status).toBe(200);
    const byType = new Map(body.items.map((node: { type: string }) => [node.type, node]));

    expect(byType.get('trigger.manual')).toMatchObject({
      version: 1,
      kind: 'pure',
      category: 'trigger',
      acceptsInput: false,
      outputs: ['out'],
      configSchema: { type: 'object' },
    });
    expect(byType.get('logic.if')).toMatchObject({
      category: 'logic',
      label: 'If / else',
      icon: 'split',
      outputs: ['true', 'false'],
      configSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { condition: { type: 'boolean' } },
        required: ['condition'],
      },
      outputSchema: { type: 'object', properties: { result: { type: 'boolean' } } },
    });
    expect(byType.get('logic.switch')).toMatchObject({ outputs: 'dynamic' });
  });
});
