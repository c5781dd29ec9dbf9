import { describe, expect, it } from 'vitest';
import { remediationHint } from './remediation-hint';

const http = (status: number, credential?: string) =>
  remediationHint({
    error: { type: `HttpError${status}`, message: `GET https://api.test/x failed with HTTP ${status}` },
    nodeType: 'http.request',
    credential,
  });

describe('remediationHint', () => {
  it('names the credential of a node refused with HTTP 401 or 403', () => {
    expect(http(401, 'Billing API')).toBe(
      'The service did not accept the credentials: check credential "Billing API" (is it still valid, for this service?) under Settings → Credentials.',
    );
    expect(http(403, 'Billing API')).toContain('credential "Billing API"');
    expect(http(401)).toBe(
      'The service wants authentication: give the node a stored credential (auth), or check the one it sends.',
    );
  });

  it('tells 404, 429, 5xx and other client errors apart', () => {
    expect(http(404)).toMatch(/^Nothing is at that address: check the URL/);
    expect(http(429)).toMatch(/^The service is limiting the rate of requests/);
    expect(http(500)).toMatch(/^The service failed on its side/);
    expect(http(503)).toBe(http(500));
    expect(http(422)).toMatch(/^The service rejected the request as invalid/);
    expect(http(418)).toBe('The service answered HTTP 418: check the request against its API documentation.');
  });

  it('suggests a longer timeout for the timeouts of requests, activities and code', () => {
    const expected = 'The node ran out of time: raise the node’s timeout or check the service it waits on.';
    for (const type of ['HttpTimeout', 'TimeoutFailure', 'CodeTimeout']) {
      expect(remediationHint({ error: { type, message: 'too slow' } })).toBe(expected);
    }
  });

  it('names the field of a failing expression', () => {
    const error = {
      type: 'ExpressionError',
      message: 'Node "fetch", config.url: expression {{ nodes.nope.output.id }} could not be evaluated',
    };
    expect(remediationHint({ error })).toBe(
      'Fix the expression in config.url: the context below shows what it could read when this step ran.',
    );
    expect(remediationHint({ error: { ...error, type: 'ExpressionTooComplex' } })).toMatch(
      /^The expression in config\.url does too much work/,
    );
  });

  it('sends outbound-guard refusals to the org’s allowlist, naming the host', () => {
    const error = {
      type: 'OutboundBlocked',
      message: 'GET http://10.0.0.5/x: Outbound request to 10.0.0.5 blocked: private address. An org admin can…',
    };
    expect(remediationHint({ error })).toBe(
      'Add the host 10.0.0.5 to the org’s outbound allowlist in Settings → Network (admins can), if the workflow should reach it.',
    );
  });

  it('explains outputs that cannot be stored', () => {
    const error = { type: 'OutputNotStorable', message: 'Node "x": output.a contains a NUL character' };
    expect(remediationHint({ error })).toMatch(/^The node returned something that cannot be stored/);
  });

  it('points a code node’s own exception at its stack, and has nothing to add to unknown errors', () => {
    const error = { type: 'TypeError', message: 'x is undefined' };
    expect(remediationHint({ error, nodeType: 'code.javascript' })).toMatch(/^The code threw/);
    expect(remediationHint({ error, nodeType: 'data.transform' })).toBeNull();
  });

  it('points the action nodes’ refused logins and Slack refusals at the credential or the channel', () => {
    expect(
      remediationHint({
        error: { type: 'PostgresLoginFailed', message: 'Postgres at db:5432 refused the login: …' },
        nodeType: 'postgres.query',
        credential: 'Warehouse',
      }),
    ).toBe(
      'The server refused the login of credential "Warehouse": check its user and password under Settings → Credentials.',
    );
    expect(
      remediationHint({
        error: { type: 'SlackApiError', message: 'Slack chat.postMessage failed: invalid_auth' },
        nodeType: 'slack.postMessage',
        credential: 'Ops bot',
      }),
    ).toBe('Slack refused the token of credential "Ops bot": put in a current bot token under Settings → Credentials.');
    expect(
      remediationHint({
        error: { type: 'SlackApiError', message: 'Slack chat.postMessage failed: channel_not_found' },
        nodeType: 'slack.postMessage',
      }),
    ).toMatch(/^The bot cannot see that channel/);
    expect(
      remediationHint({
        error: { type: 'CredentialTypeMismatch', message: 'credentialId: the credential is a Bearer token, not …' },
        nodeType: 'email.send',
      }),
    ).toBe(
      'This node needs another kind of credential (the error says which): choose one in the node’s credential setting.',
    );
  });

  it('points the LLM node’s refused keys, unknown models and invalid replies at what to change', () => {
    expect(
      remediationHint({
        error: { type: 'LlmAuthFailed', message: 'Anthropic refused the API key of credential "Team key" (401: …)' },
        nodeType: 'ai.llm',
        credential: 'Team key',
      }),
    ).toBe(
      'The model provider refused the API key of credential "Team key": put in a current key under Settings → Credentials.',
    );
    expect(
      remediationHint({
        error: { type: 'LlmModelNotFound', message: 'OpenAI at … has no model "gpt-9"' },
        nodeType: 'ai.llm',
      }),
    ).toMatch(/^The provider has no model by that name/);
    expect(
      remediationHint({
        error: { type: 'LlmOutputInvalid', message: 'The reply does not match …' },
        nodeType: 'ai.llm',
      }),
    ).toMatch(/^The model’s replies did not match the output schema/);
  });

  it('tells a refused AWS key, a multi-page PDF sent inline and failed or slow Textract jobs apart', () => {
    const textract = (type: string, message: string, credential?: string) =>
      remediationHint({ error: { type, message }, nodeType: 'ocr.textract', credential });
    expect(
      textract('TextractRefused', 'Textract AnalyzeDocument failed: UnrecognizedClientException: invalid', 'AWS prod'),
    ).toBe(
      'AWS refused the key of credential "AWS prod", or it may not call Textract: check the key and its IAM policy under Settings → Credentials.',
    );
    expect(
      textract(
        'TextractRefused',
        'Textract AnalyzeDocument failed: UnsupportedDocumentException: x (a multi-page PDF needs an S3 source: Textract reads those asynchronously)',
      ),
    ).toMatch(/^Put the PDF in S3/);
    expect(textract('TextractJobFailed', 'Textract job j FAILED: encrypted')).toMatch(
      /^Textract could not read the document/,
    );
    expect(textract('TextractTimeout', 'Textract job j was still IN_PROGRESS')).toMatch(/raise it/);
    expect(textract('FileNotFound', 'fileId: file f was not found in this org')).toMatch(/POST \/api\/files/);
  });
});
