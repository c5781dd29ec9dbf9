'use client';

import { useEffect, useState } from 'react';
import {
  applyRunEvents,
  FINISHED_RUN,
  parseRunEvent,
  type RunStreamEvent,
  type RunStreamState,
} from './run-stream-state';

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
    let queued: RunStreamEvent[] = [];
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      const events = queued;
      queued = [];
      setState((current) => applyRunEvents(current, events));
    };
    const receive = (name: string) => (message: MessageEvent<string>) => {
      const event = parseRunEvent(name, message.data);
      if (!event) return;
      queued.push(event);
      frame ??= requestAnimationFrame(flush);
      if ((event.event === 'run' || event.event === 'snapshot') && FINISHED_RUN.has(runStatusOf(event))) {
        source.close();
        setConnection('closed');
      }
    };
    for (const name of EVENTS) source.addEventListener(name, receive(name));
    source.onopen = () => setConnection('live');
    // Closed means EventSource gave up (the stream answered 204: nothing more will come).
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    return () => {
      source.close();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [runId]);
  return { ...state, connection };
}

const runStatusOf = (event: RunStreamEvent) =>
  event.event === 'snapshot' ? event.data.run.status : event.event === 'run' ? event.data.status : '';
