import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { STUB_HOST } from './test-server';

export interface ReceivedMail {
  /** Who logged in to send it. */
  user: string | undefined;
  from: string | undefined;
  /** The envelope's recipients: to, cc and bcc alike. */
  recipients: string[];
  /** The message as it arrived (RFC 5322: headers, then the MIME body). */
  raw: string;
}

/**
 * A local SMTP server (the `smtp-server` package) that takes mail from one user and records it:
 * no TLS, AUTH PLAIN/LOGIN; a recipient at `refused.test` is refused with 550.
 */
export class SmtpStub {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;

  constructor(private readonly login: { user: string; password: string }) {}

  async start(): Promise<{ host: string; port: number }> {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authMethods: ['PLAIN', 'LOGIN'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.login.user && auth.password === this.login.password) {
          return callback(null, { user: auth.username });
        }
        callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
      },
      onRcptTo: (address, _session, callback) => {
        if (address.address.endsWith('@refused.test')) {
          return callback(
            Object.assign(new Error(`No mailbox here by that name: ${address.address}`), { responseCode: 550 }),
          );
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          this.received.push({
            user: typeof session.user === 'string' ? session.user : undefined,
            from: from ? from.address : undefined,
            recipients: session.envelope.rcptTo.map((recipient) => recipient.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback(null, `queued as ${this.received.length}`);
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    return { host: STUB_HOST, port: (this.server.server.address() as AddressInfo).port };
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** A header of a raw message, unfolded; undefined when absent. */
export function mailHeader(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
