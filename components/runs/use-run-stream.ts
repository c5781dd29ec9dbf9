'use client';

import { useEffect, useState } from 'react';
import type { parseRunEvent } from './parse-run-event';
import { applyRunEvents, FINISHED_RUN, type RunStreamEvent, type RunStreamState } from './run-stream-state';

export type StreamConnection = 'connecting' | 'live' | 'reconnecting' | 'closed';

const EVENTS = ['snapshot', 'step', 'log', 'run'] as const;

/**
 * Follows a run's event stream from `initial` (what the page was rendered with): the snapshot,
 * then every step, log line and status change. EventSource resumes by itself after a dropped
 * connection, sending the last event id it saw, so nothing is lost or seen twice. Events are
 * applied once per frame, so a burst of log lines is drawn once.
 */
export function useRunStream(runId: string, initial: RunStreamState) {
  const [state, setState] = useState(initial);
  const [connection, setConnection] = useState<StreamConnection>('connecting');
  useEffect(() => {
    const source = new EventSource(`/api/runs/${runId}/events`);
    let stopped = false;
    let queued: RunStreamEvent[] = [];
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      const events = queued;
      queued = [];
      setState((current) => applyRunEvents(current, events));
    };
    // The parser (and zod with it) is loaded as the stream opens; what arrives before it is read
    // in order once it is there.
    let parse: typeof parseRunEvent | undefined;
    const unread: [name: string, data: string][] = [];
    const read = (name: string, data: string) => {
      const event = parse!(name, data);
      if (!event) return;
      queued.push(event);
      frame ??= requestAnimationFrame(flush);
      if ((event.event === 'run' || event.event === 'snapshot') && FINISHED_RUN.has(runStatusOf(event))) {
        source.close();
        setConnection('closed');
      }
    };
    void import('./parse-run-event').then((module) => {
      if (stopped) return;
      parse = module.parseRunEvent;
      for (const [name, data] of unread.splice(0)) read(name, data);
    });
    for (const name of EVENTS) {
      source.addEventListener(name, (message: MessageEvent<string>) => {
        if (parse) read(name, message.data);
        else unread.push([name, message.data]);
      });
    }
    source.onopen = () => setConnection('live');
    // Closed means EventSource gave up (the stream answered 204: nothing more will come).
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    return () => {
      stopped = true;
      source.close();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [runId]);
  return { ...state, connection };
}

const runStatusOf = (event: RunStreamEvent) =>
  event.event === 'snapshot' ? event.data.run.status : event.event === 'run' ? event.data.status : '';
