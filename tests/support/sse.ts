/** One Server-Sent Event as a client sees it, its data parsed as JSON. */
export interface ReceivedEvent {
  event: string;
  id?: string;
  data: unknown;
}

/**
 * Reads a `text/event-stream` body event by event, as EventSource would (comments such as
 * heartbeats are skipped); `next()` answers null once the server has ended the stream.
 */
export function eventReader(response: Response) {
  const chunks = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';

  async function next(): Promise<ReceivedEvent | null> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = parseBlock(block);
        if (event) return event;
        continue;
      }
      const { value, done } = await chunks.read();
      if (done) return null;
      buffer += value;
    }
  }

  /** Every event until the server ends the stream. */
  async function rest(): Promise<ReceivedEvent[]> {
    const events: ReceivedEvent[] = [];
    for (let event = await next(); event; event = await next()) events.push(event);
    return events;
  }

  return { next, rest, cancel: () => chunks.cancel() };
}

function parseBlock(block: string): ReceivedEvent | null {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, ...(id === undefined ? {} : { id }), data: JSON.parse(data.join('\n')) } : null;
}
