import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeFailure } from '../define-node';
import { emailSend } from '../nodes/email-send';
import { testActivityContext } from '../test-activity-context';
import { defaultOutboundPolicy } from '../../outbound/policy';
import { mailHeader, SmtpStub } from '../../../tests/support/smtp-stub';
import { messageIdFor, sendMail, type SmtpServer } from './send-mail';

const login = { user: 'mailer', password: 'smtp-password-unit-4711' };
const credentialId = '0190a9d4-4c1e-7d2a-9b7e-6f1d2c3b4a59';
const smtp = new SmtpStub(login);
let server: SmtpServer;

beforeAll(async () => {
  const { host, port } = await smtp.start();
  server = { type: 'smtp', host, port, security: 'none', ...login, from: 'Flow <flow@example.test>' };
});
afterAll(() => smtp.stop());

function send(config: Record<string, unknown>, to: SmtpServer = server, options = {}) {
  const { context } = testActivityContext(emailSend, { credentialId, ...config }, options);
  return sendMail(to, context.config, context);
}

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('sending should have failed'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NodeFailure);
  const failure = error as NodeFailure;
  return { message: failure.message, type: failure.options.type, nonRetryable: failure.options.nonRetryable };
};

describe('sendMail', () => {
  it('logs in, sends to every recipient with the attachments, and reports what the server accepted', async () => {
    const output = await send({
      to: 'Ann <ann@example.test>, bob@example.test',
      cc: ['carol@example.test'],
      bcc: 'audit@example.test',
      subject: 'Invoice A-1',
      text: 'See attached.',
      attachments: [
        { filename: 'invoice.txt', content: 'total: 10 EUR', contentType: 'text/plain' },
        { filename: 'scan.bin', content: Buffer.from([0, 1, 2, 250]).toString('base64'), encoding: 'base64' },
      ],
    });
    expect(output).toEqual({
      messageId: '<run-1.node-1@example.test>',
      accepted: ['ann@example.test', 'bob@example.test', 'carol@example.test', 'audit@example.test'],
      rejected: [],
      response: '250 queued as 1',
    });
    const mail = smtp.received.at(-1)!;
    expect(mail).toMatchObject({
      user: 'mailer',
      from: 'flow@example.test',
      recipients: ['ann@example.test', 'bob@example.test', 'carol@example.test', 'audit@example.test'],
    });
    expect(mailHeader(mail.raw, 'Subject')).toBe('Invoice A-1');
    expect(mailHeader(mail.raw, 'To')).toBe('Ann <ann@example.test>, bob@example.test');
    expect(mailHeader(mail.raw, 'Bcc')).toBeUndefined();
    expect(mailHeader(mail.raw, 'Message-ID')).toBe('<run-1.node-1@example.test>');
    expect(mail.raw).toContain('Content-Disposition: attachment; filename=invoice.txt');
    expect(mail.raw).toContain(Buffer.from('total: 10 EUR').toString('base64'));
    expect(mail.raw).toContain('Content-Disposition: attachment; filename=scan.bin');
    expect(mail.raw).toContain('AAEC+g==');
  });

  it('reports recipients the server refused, and fails when it refuses them all', async () => {
    const partly = await send({ to: ['ann@example.test', 'ghost@refused.test'], subject: 'x', text: 'x' });
    expect(partly).toMatchObject({ accepted: ['ann@example.test'], rejected: ['ghost@refused.test'] });
    expect(await failureOf(send({ to: 'ghost@refused.test', subject: 'x', text: 'x' }))).toEqual({
      message: expect.stringMatching(
        /^SMTP server 127\.0\.0\.2:\d+ refused the message: 550 No mailbox here by that name: ghost@refused\.test/,
      ),
      type: 'SmtpMessageRefused',
      nonRetryable: true,
    });
  });

  it('fails without retrying on a refused login or a server without STARTTLS when it is required', async () => {
    expect(
      await failureOf(
        send({ to: 'a@example.test', subject: 'x', text: 'x' }, { ...server, password: 'wrong-password-1' }),
      ),
    ).toEqual({
      message: `SMTP server ${server.host}:${server.port} refused the login: 535 Authentication credentials invalid: check the credential's user and password`,
      type: 'SmtpLoginFailed',
      nonRetryable: true,
    });
    expect(
      await failureOf(send({ to: 'a@example.test', subject: 'x', text: 'x' }, { ...server, security: 'starttls' })),
    ).toMatchObject({
      message: expect.stringMatching(
        /^SMTP server 127\.0\.0\.2:\d+ could not start TLS: .+: check the credential's security$/,
      ),
      type: 'SmtpTlsFailed',
      nonRetryable: true,
    });
  });

  it('goes through the outbound guard: a loopback server is refused by the default policy', async () => {
    const before = smtp.received.length;
    expect(
      await failureOf(
        send({ to: 'a@example.test', subject: 'x', text: 'x' }, server, { outbound: defaultOutboundPolicy() }),
      ),
    ).toEqual({
      message: `SMTP server ${server.host}:${server.port}: Outbound request to 127.0.0.2 blocked: 127.0.0.2 is a loopback address. An org admin can allow private hosts under Settings → Network; loopback and metadata addresses only the deployment can open (see OUTBOUND_ALLOWED_TARGETS)`,
      type: 'OutboundBlocked',
      nonRetryable: true,
    });
    expect(smtp.received.length).toBe(before);
  });
});

describe('email.send config', () => {
  const first = (config: Record<string, unknown>) => {
    const result = emailSend.config.safeParse({
      credentialId,
      subject: 's',
      text: 't',
      to: 'a@example.test',
      ...config,
    });
    return result.success ? undefined : `${result.error.issues[0].path.join('.')}: ${result.error.issues[0].message}`;
  };

  it('refuses bad input with a message naming the field', () => {
    expect(first({ to: '' })).toBe('to: to is empty: give at least one recipient');
    expect(first({ to: [] })).toBe('to: to is empty: give at least one recipient');
    expect(first({ text: undefined })).toBe('text: text is empty: give text, html or both');
    expect(first({ attachments: [{ filename: 'a.pdf', content: 'not base64!', encoding: 'base64' }] })).toBe(
      'attachments.0.content: content is not base64: give encoding "text" for plain text',
    );
    expect(first({ attachments: [{ filename: '', content: 'x' }] })).toBe('attachments.0.filename: filename is empty');
  });

  it('derives one Message-ID per node and run, the same on every attempt', () => {
    expect(messageIdFor('0190-aa:approve mail', 'Billing <billing@corp.example>')).toBe(
      '<0190-aa.approve.mail@corp.example>',
    );
    expect(messageIdFor('run:node', 'no address')).toBe('<run.node@floworchestrator.invalid>');
  });
});
