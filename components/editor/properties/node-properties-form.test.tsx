import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { listPaletteNodes } from '@/lib/connectors/palette';
import { NodePropertiesForm, type NodePropertiesFormProps } from './node-properties-form';
import { NodeSettingsForm } from './node-settings-form';

// Rendered on the server, where CodeMirror does not start: enough to see which fields a schema
// yields and where problems land, for every real node type.

const labels = (html: string) => [...html.matchAll(/<(?:label|legend)[^>]*>([^<]+)/g)].map((match) => match[1]);
const problems = (html: string) => [...html.matchAll(/<p id="[^"]*-error"[^>]*>([^<]+)/g)].map((match) => match[1]);

function renderConfig(type: string, props: Partial<NodePropertiesFormProps> = {}) {
  const node = listPaletteNodes().find((candidate) => candidate.type === type)!;
  return renderToStaticMarkup(
    <NodePropertiesForm
      schema={node.configSchema as Record<string, unknown>}
      nodeType={type}
      config={{}}
      onFieldChange={() => {}}
      problems={{}}
      readOnly={false}
      credentials={[{ id: 'c1', name: 'Orders API token', type: 'bearer' }]}
      expressionContext={{ nodeIds: ['fetch'] }}
      {...props}
    />,
  );
}

describe('NodePropertiesForm', () => {
  it('renders a form for every node type', () => {
    for (const node of listPaletteNodes()) expect(() => renderConfig(node.type)).not.toThrow();
  });

  it('lays out http.request with the chosen variants and the credential picker', () => {
    const html = renderConfig('http.request', {
      config: {
        url: 'https://x',
        body: { type: 'raw', content: 'hi' },
        auth: { type: 'credential', credentialId: 'c1' },
      },
      problems: { 'config.url': 'url must be an absolute http:// or https:// URL' },
    });
    expect(labels(html)).toEqual([
      'Method',
      'URL',
      'Headers',
      'Query',
      'Body',
      'Content',
      'Content type',
      'Auth',
      'Credential ID',
      'Timeout (ms)',
      'Response type',
      'Idempotency key',
      'Fail on status',
    ]);
    expect(html).toContain('Orders API token (bearer)');
    expect(problems(html)).toEqual(['url must be an absolute http:// or https:// URL']);
  });

  it("offers only credentials of the node's credential type", () => {
    const credentials = [
      { id: 'c1', name: 'Orders API token', type: 'bearer' },
      { id: 'c2', name: 'Warehouse', type: 'postgres' },
    ];
    const html = renderConfig('postgres.query', { credentials });
    expect(html).toContain('Warehouse (postgres)');
    expect(html).not.toContain('Orders API token');
    expect(renderConfig('slack.postMessage', { credentials })).toContain(
      'No slackBot credentials yet: add one in Settings',
    );
  });

  it('shows the problems of list items on the item, bracketed paths included', () => {
    const html = renderConfig('logic.switch', {
      config: { cases: [{ name: 'big', when: '{{ input.total > }}' }] },
      problems: { 'config.cases[0].when': 'does not parse', 'config.cases.0.name': 'taken' },
    });
    expect(labels(html)).toEqual(['Cases', 'Name', 'When']);
    expect(problems(html)).toEqual(['taken', 'does not parse']);
  });

  it('renders a config that is a union by its discriminator', () => {
    expect(labels(renderConfig('flow.delay', { config: { mode: 'until' } }))).toEqual(['Mode', 'Until']);
  });

  it('disables every control when read-only', () => {
    const html = renderConfig('human.approval', { readOnly: true, config: { approvers: ['ops'] } });
    expect(html).not.toMatch(/<(input|select)(?![^>]*disabled)[^>]*>/);
    expect(html).not.toContain('Add approver');
  });
});

describe('NodeSettingsForm', () => {
  const render = (kind: 'activity' | 'pure') =>
    renderToStaticMarkup(
      <NodeSettingsForm
        kind={kind}
        settings={{ retry: { maxAttempts: 500 }, compensation: 'refund' }}
        onFieldChange={() => {}}
        problems={{ 'settings.retry.maxAttempts': 'at most 100' }}
        readOnly={false}
        nodeIds={['refund']}
      />,
    );

  it('offers retries, timeouts and task queues to activities only', () => {
    expect(labels(render('activity'))).toEqual([
      'Retry',
      'Max attempts',
      'Initial interval (ms)',
      'Backoff coefficient',
      'Max interval (ms)',
      'Non retryable error types',
      'Timeout (ms)',
      'Task queue',
      'Activity mode',
      'On error',
      'Compensation',
    ]);
    expect(labels(render('pure'))).toEqual(['On error', 'Compensation']);
    expect(problems(render('activity'))).toEqual(['at most 100']);
  });
});
