// Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).

/** One event; `data` is sent as a single line of JSON, which never holds a raw line break. */
export interface ServerSentEvent {
  event: string;
  id: string;
  data: unknown;
}

/** Data already serialized as JSON, sent as it is. */
export class JsonText {
  // A line break in JSON text can only be whitespace between tokens (strings escape theirs).
  readonly text: string;
  constructor(text: string) {
    this.text = text.replace(/[\r\n]+/g, ' ');
  }
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  // no-transform: a compressing server or proxy would hold events back until its buffer fills.
  'cache-control': 'no-cache, no-transform',
  // nginx buffers proxied responses unless told not to.
  'x-accel-buffering': 'no',
};

export const encodeEvent = ({ event, id, data }: ServerSentEvent) =>
  `event: ${event}\nid: ${id}\ndata: ${data instanceof JsonText ? data.text : JSON.stringify(data)}\n\n`;

/** A comment: keeps proxies from closing an idle connection, and EventSource ignores it. */
export const HEARTBEAT = ': ping\n\n';
