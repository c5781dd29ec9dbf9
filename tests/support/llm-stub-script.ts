import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { STUB_HOST } from './test-server';

/** What a stub answers to one completion request: a reply, or an HTTP error in the API's format. */
export type ScriptedReply =
  | {
      text: string;
      inputTokens?: number;
      outputTokens?: number;
      stopReason?: string;
      /** OpenAI: the text is a refusal (`delta.refusal`), not content. */
      refusal?: boolean;
      /** Streamed: stop after this many characters of text until `release()`. */
      holdAfterChars?: number;
    }
  | { status: number; message: string };

export interface SeenCompletion {
  /** The key the request carried (`x-api-key`, or the bearer token). */
  apiKey: string | undefined;
  path: string;
  body: Record<string, unknown>;
}

/**
 * The part both LLM API stubs share: a local server, the requests it saw, and the queue of
 * replies a test scripts (first reply invalid, second valid, …). With the queue empty it answers
 * `defaultText`.
 */
export abstract class ScriptedLlmServer {
  readonly requests: SeenCompletion[] = [];
  private readonly queue: ScriptedReply[] = [];
  private server?: http.Server;
  private gate = openGate();

  constructor(protected readonly options: { apiKey: string; models: string[]; defaultText?: string }) {}

  /** Answers the next completion requests with these, in order. */
  script(...replies: ScriptedReply[]) {
    this.queue.push(...replies);
  }

  /** Resolves once a reply scripted with `holdAfterChars` has streamed that far and waits. */
  whenHolding(): Promise<void> {
    return this.gate.reached;
  }

  /** Lets a held reply stream on. */
  release() {
    this.gate.release();
  }

  /** The text of a streamed reply in the pieces it is sent in, waiting at `holdAfterChars` if scripted. */
  protected async *pieces(reply: { text: string; holdAfterChars?: number }) {
    let sent = 0;
    let held = false;
    for (const piece of tokensOf(reply.text)) {
      if (!held && reply.holdAfterChars !== undefined && sent >= reply.holdAfterChars) {
        held = true;
        this.gate.reach();
        await this.gate.released;
        this.gate = openGate();
      }
      yield piece;
      sent += piece.length;
    }
  }

  protected nextReply(): ScriptedReply {
    return this.queue.shift() ?? { text: this.options.defaultText ?? 'Hello from the stub.' };
  }

  protected abstract answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void>;

  /** Starts listening on the stub host; returns its origin (`http://127.0.0.2:<port>`). */
  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => void this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, STUB_HOST, resolve));
    return `http://${STUB_HOST}:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export const sendJson = (res: http.ServerResponse, status: number, json: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(json));
};

function openGate() {
  let reach = () => {};
  let release = () => {};
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return { reached, reach, released, release };
}

/** A reply's text in the small pieces a streaming API sends it in. */
export const tokensOf = (text: string) => text.match(/[\s\S]{1,6}/g) ?? [];
