import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunChangeFeed } from './run-change-feed';
import { HEARTBEAT_MS, runEventBody } from './run-event-body';
import type { RunEventBatch } from './run-stream-events';

const batch = (ids: number[], lastSeq: number, finished = false): RunEventBatch => ({
  events: ids.map((id) => ({ event: 'step', id: String(id), data: { id } })),
  lastSeq,
  finished,
});

/** A feed whose changes the test announces, and reads the test answers one by one. */
function fakeSource() {
  let listener = () => {};
  const feed: RunChangeFeed & { closed: boolean } = {
    closed: false,
    onChange: (next) => (listener = next),
    close: () => (feed.closed = true),
  };
  const reads: { after: number; answer: (batch: RunEventBatch | null | Error) => void }[] = [];
  const readAfter = (after: number) =>
    new Promise<RunEventBatch | null>((resolve, reject) =>
      reads.push({ after, answer: (result) => (result instanceof Error ? reject(result) : resolve(result)) }),
    );
  return { feed, reads, readAfter, announce: () => listener() };
}

function reader(stream: ReadableStream<Uint8Array>) {
  const chunks = stream.getReader();
  const decoder = new TextDecoder();
  return {
    next: async () => decoder.decode((await chunks.read()).value),
    done: async () => (await chunks.read()).done,
  };
}

const frame = (id: number) => `event: step\nid: ${id}\ndata: {"id":${id}}\n\n`;

afterEach(() => vi.useRealTimers());

describe('runEventBody', () => {
  it('sends the first batch, then what the database holds after the last number sent', async () => {
    const source = fakeSource();
    const body = reader(runEventBody(batch([3], 3), source, new AbortController().signal));
    expect(await body.next()).toBe(frame(3));

    source.announce();
    expect(source.reads.map((read) => read.after)).toEqual([3]);
    source.reads[0].answer(batch([4, 5], 5));
    expect(await body.next()).toBe(frame(4));
    expect(await body.next()).toBe(frame(5));
    source.announce();
    expect(source.reads.map((read) => read.after)).toEqual([3, 5]);
  });

  it('reads once more for changes announced during a read, not once per announcement', async () => {
    const source = fakeSource();
    const body = reader(runEventBody(batch([], 3), source, new AbortController().signal));
    source.announce();
    source.announce();
    source.announce();
    expect(source.reads).toHaveLength(1);
    source.reads[0].answer(batch([4], 4));
    expect(await body.next()).toBe(frame(4));
    await vi.waitFor(() => expect(source.reads).toHaveLength(2));
    expect(source.reads[1].after).toBe(4);
  });

  it('sends a heartbeat comment and reads on every beat', async () => {
    vi.useFakeTimers();
    const source = fakeSource();
    const body = reader(runEventBody(batch([], 3), source, new AbortController().signal));
    vi.advanceTimersByTime(HEARTBEAT_MS - 1);
    expect(source.reads).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(await body.next()).toBe(': ping\n\n');
    expect(source.reads.map((read) => read.after)).toEqual([3]);
  });

  it('ends after the batch that finishes the run, and lets go of the feed', async () => {
    const source = fakeSource();
    const body = reader(runEventBody(batch([3], 3), source, new AbortController().signal));
    await body.next();
    source.announce();
    source.reads[0].answer(batch([4], 4, true));
    expect(await body.next()).toBe(frame(4));
    expect(await body.done()).toBe(true);
    expect(source.feed.closed).toBe(true);
  });

  it('ends at once for a run that had already ended', async () => {
    const source = fakeSource();
    const body = reader(runEventBody(batch([3], 3, true), source, new AbortController().signal));
    expect(await body.next()).toBe(frame(3));
    expect(await body.done()).toBe(true);
    expect(source.feed.closed).toBe(true);
  });

  it('ends when the client goes away, and stops beating', async () => {
    vi.useFakeTimers();
    const source = fakeSource();
    const client = new AbortController();
    const body = reader(runEventBody(batch([], 3), source, client.signal));
    client.abort();
    expect(await body.done()).toBe(true);
    expect(source.feed.closed).toBe(true);
    vi.advanceTimersByTime(HEARTBEAT_MS * 2);
    expect(source.reads).toHaveLength(0);
  });

  it('lets go of the feed when the reader cancels', async () => {
    const source = fakeSource();
    await runEventBody(batch([], 3), source, new AbortController().signal).getReader().cancel();
    expect(source.feed.closed).toBe(true);
  });

  it('ends when a read fails, for the client to resume from its last event', async () => {
    const source = fakeSource();
    const body = reader(runEventBody(batch([], 3), source, new AbortController().signal));
    source.announce();
    source.reads[0].answer(new Error('database down'));
    expect(await body.done()).toBe(true);
    expect(source.feed.closed).toBe(true);
  });

  it('ends when the run is gone', async () => {
    const source = fakeSource();
    const body = reader(runEventBody(batch([], 3), source, new AbortController().signal));
    source.announce();
    source.reads[0].answer(null);
    expect(await body.done()).toBe(true);
  });
});
