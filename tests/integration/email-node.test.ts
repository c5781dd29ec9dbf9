import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCredential } from '@/lib/vault/credentials';
import { publishWorkflow, startRun, waitForRun } from '../support/engine';
import { apiFetch, ownerOrg } from '../support/api';
import { mailHeader, SmtpStub } from '../support/smtp-stub';
import { expectSecretNowhere } from '../support/secret-exposure';

const login = { user: 'flow-mailer', password: `smtp-canary-${randomUUID()}` };
const smtp = new SmtpStub(login);
let server: { host: string; port: number };
let credentialId = '';

beforeAll(async () => {
  server = await smtp.start();
  credentialId = await storeCredential(ownerOrg(), {
    name: `smtp ${randomUUID().slice(0, 6)}`,
    type: 'smtp',
    value: { ...server, security: 'none', ...login, from: 'Flow <flow@example.test>' },
  });
});
afterAll(() => smtp.stop());

async function runEmailNode(config: Record<string, unknown>, input?: unknown) {
  const workflowId = await publishWorkflow('send email', {
    nodes: [
      { id: 'start', type: 'trigger.manual' },
      // The attachment is made by an earlier node, as a document fetched or generated would be.
      {
        id: 'make',
        type: 'data.transform',
        config: {
          expression:
            '{ "files": [{ "filename": "invoice-" & input.number & ".txt", "content": "total: " & input.total, "contentType": "text/plain" }] }',
        },
      },
      { id: 'send', type: 'email.send', config, settings: { retry: { maxAttempts: 3, initialIntervalMs: 10 } } },
      { id: 'out', type: 'flow.output', config: { value: '{{ nodes.send.output }}' } },
    ],
    edges: [
      { source: 'start', target: 'make' },
      { source: 'make', target: 'send' },
      { source: 'send', target: 'out' },
    ],
  });
  return waitForRun(await startRun(workflowId, input));
}

const message = {
  to: '{{ input.to }}',
  subject: 'Invoice {{ input.number }}',
  text: 'Invoice {{ input.number }} is attached.',
  attachments: '{{ nodes.make.output.files }}',
};

describe('email.send', () => {
  it('sends the message with the attachment an earlier node made, through the SMTP server', async () => {
    const run = await runEmailNode(
      { credentialId, ...message },
      { to: 'Ann <ann@example.test>', number: 'A-1', total: '10.50 EUR' },
    );
    expect(run.status).toBe('SUCCEEDED');
    expect(run.output).toEqual({
      messageId: `<${run.id}.send@example.test>`,
      accepted: ['ann@example.test'],
      rejected: [],
      response: '250 queued as 1',
    });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail).toMatchObject({ user: 'flow-mailer', from: 'flow@example.test', recipients: ['ann@example.test'] });
    expect(mailHeader(mail.raw, 'Subject')).toBe('Invoice A-1');
    expect(mailHeader(mail.raw, 'To')).toBe('Ann <ann@example.test>');
    expect(mailHeader(mail.raw, 'From')).toBe('Flow <flow@example.test>');
    expect(mail.raw).toContain('Content-Type: text/plain; name=invoice-A-1.txt');
    expect(mail.raw).toContain('Content-Disposition: attachment; filename=invoice-A-1.txt');
    expect(mail.raw).toContain(Buffer.from('total: 10.50 EUR').toString('base64'));
    await expectSecretNowhere(login.password, [run.id]);
  });

  it('fails at once when the server refuses the login, naming the cause', async () => {
    const wrong = `wrong-${randomUUID()}`;
    const badLogin = await storeCredential(ownerOrg(), {
      name: `smtp bad ${randomUUID().slice(0, 6)}`,
      type: 'smtp',
      value: { ...server, security: 'none', user: login.user, password: wrong, from: 'flow@example.test' },
    });
    const before = smtp.received.length;
    const run = await runEmailNode(
      { credentialId: badLogin, ...message },
      { to: 'ann@example.test', number: 'A-2', total: '1 EUR' },
    );
    expect(run.status).toBe('FAILED');
    expect(run.nodes.send).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.send.error).toEqual({
      type: 'SmtpLoginFailed',
      message: `SMTP server ${server.host}:${server.port} refused the login: 535 Authentication credentials invalid: check the credential's user and password`,
      details: { responseCode: 535 },
    });
    expect(smtp.received.length).toBe(before);
    await expectSecretNowhere(wrong, [run.id]);
  });

  it('refuses an SMTP host the outbound guard blocks', async () => {
    const privateHost = await storeCredential(ownerOrg(), {
      name: `smtp private ${randomUUID().slice(0, 6)}`,
      type: 'smtp',
      value: { host: '10.0.0.25', port: '25', security: 'none', from: 'flow@example.test' },
    });
    const run = await runEmailNode(
      { credentialId: privateHost, ...message },
      { to: 'ann@example.test', number: 'A-3', total: '1 EUR' },
    );
    expect(run.nodes.send).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(run.nodes.send.error).toEqual({
      type: 'OutboundBlocked',
      message:
        'SMTP server 10.0.0.25:25: Outbound request to 10.0.0.25 blocked: 10.0.0.25 is a private address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)',
    });
  });

  it('tests the credential by logging in to the server', async () => {
    const response = await apiFetch(`/api/credentials/${credentialId}/test`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: `${server.host}:${server.port} accepted the login` });
  });
});
