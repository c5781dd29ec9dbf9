import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { NodeFailure, type ActivityContext } from '../define-node';
import type { CredentialValue } from '../credential-types';
import { findOutboundBlocked } from '../../outbound/outbound-blocked';

export type SmtpServer = Extract<CredentialValue, { type: 'smtp' }>;

export interface MailAttachment {
  filename: string;
  content: string;
  encoding: 'text' | 'base64';
  contentType?: string;
}

export interface MailMessage {
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  attachments: MailAttachment[];
  timeoutMs: number;
}

const CONNECT_TIMEOUT_MS = 10_000;

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

function smtpFailure(error: unknown, target: string): NodeFailure {
  const cause = error as SmtpError;
  const reply = cause.response ?? cause.message;
  switch (cause.code) {
    case 'EAUTH':
      return new NodeFailure(
        `SMTP server ${target} refused the login: ${reply}: check the credential's user and password`,
        { type: 'SmtpLoginFailed', nonRetryable: true, details: { responseCode: cause.responseCode } },
      );
    case 'ETLS':
      return new NodeFailure(
        `SMTP server ${target} could not start TLS: ${cause.message}: check the credential's security`,
        {
          type: 'SmtpTlsFailed',
          nonRetryable: true,
        },
      );
    case 'EENVELOPE':
    case 'EMESSAGE':
    case 'EPROTOCOL': {
      // 4xx replies are the server's "try again later" (a full mailbox, greylisting); 5xx are final.
      const permanent = cause.responseCode === undefined || cause.responseCode >= 500;
      return new NodeFailure(`SMTP server ${target} refused the message: ${reply}`, {
        type: 'SmtpMessageRefused',
        nonRetryable: permanent,
        details: { responseCode: cause.responseCode },
      });
    }
    default:
      return new NodeFailure(`SMTP server ${target} could not be reached: ${cause.message ?? String(error)}`, {
        type: 'SmtpConnectionFailed',
      });
  }
}

/** An RFC 5322 Message-ID from the idempotency key: the same on every attempt, so a retry is recognisably the same message. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const local = idempotencyKey.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '.');
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'floworchestrator.invalid';
  return `<${local}@${domain}>`;
}

/** A transport to the server at the address the outbound guard resolved; TLS still checks the certificate against the host name. */
export function smtpTransport(server: SmtpServer, address: string, timeoutMs: number) {
  return nodemailer.createTransport({
    host: address,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    // A name, for SNI and the certificate check; an IP address is checked as itself.
    tls: isIP(server.host) ? {} : { servername: server.host },
    auth: server.user ? { user: server.user, pass: server.password ?? '' } : undefined,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: timeoutMs,
    logger: false,
  });
}

const addresses = (list: Array<string | Mail.Address>) =>
  list.map((entry) => (typeof entry === 'string' ? entry : entry.address));

/** Sends one message through the credential's SMTP server with nodemailer, through the outbound guard. */
export async function sendMail(
  server: SmtpServer,
  message: MailMessage,
  context: Pick<ActivityContext<unknown>, 'resolveHost' | 'signal' | 'log' | 'idempotencyKey'>,
): Promise<{ messageId: string; accepted: string[]; rejected: string[]; response: string }> {
  const target = `${server.host}:${server.port}`;
  let address: string;
  try {
    address = await context.resolveHost(server.host);
  } catch (error) {
    const blocked = findOutboundBlocked(error);
    if (blocked)
      throw new NodeFailure(`SMTP server ${target}: ${blocked.message}`, {
        type: 'OutboundBlocked',
        nonRetryable: true,
      });
    throw smtpFailure(error, target);
  }
  const transport = smtpTransport(server, address, message.timeoutMs);
  const close = () => transport.close();
  context.signal.addEventListener('abort', close, { once: true });
  try {
    const info = await transport.sendMail({
      from: server.from,
      to: message.to,
      cc: message.cc,
      bcc: message.bcc,
      replyTo: message.replyTo,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: messageIdFor(context.idempotencyKey, server.from),
      attachments: message.attachments.map((attachment) => ({
        filename: attachment.filename,
        content: Buffer.from(attachment.content, attachment.encoding === 'base64' ? 'base64' : 'utf8'),
        contentType: attachment.contentType,
      })),
    });
    const result = {
      messageId: info.messageId,
      accepted: addresses(info.accepted),
      rejected: addresses(info.rejected),
      response: info.response,
    };
    context.log({
      level: 'INFO',
      message: `Mail ${result.messageId} sent through ${target}: ${result.accepted.length} accepted, ${result.rejected.length} rejected`,
      data: { accepted: result.accepted, rejected: result.rejected },
    });
    return result;
  } catch (error) {
    throw smtpFailure(error, target);
  } finally {
    context.signal.removeEventListener('abort', close);
    transport.close();
  }
}
