'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { orgRunEventSchema } from '@/lib/events/run-stream-schema';

/**
 * Keeps the runs list current: follows the org's run status changes (GET /api/runs/events) and
 * reads the list again when one concerns it: any run on the first page (a new run appears
 * there), only the shown runs on later ones. One read at a time; changes that arrive during a
 * read are taken up by one more.
 */
export function RunsLiveRefresh({ shownRunIds, firstPage }: { shownRunIds: string[]; firstPage: boolean }) {
  const router = useRouter();
  const [connection, setConnection] = useState<'connecting' | 'live' | 'reconnecting'>('connecting');
  const [refreshing, startRefresh] = useTransition();
  const busy = useRef(false);
  const again = useRef(false);
  const concerns = useRef<(runId: string) => boolean>(() => false);
  useEffect(() => {
    const shown = new Set(shownRunIds);
    concerns.current = (runId) => firstPage || shown.has(runId);
  }, [shownRunIds, firstPage]);
  const refresh = useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    startRefresh(() => router.refresh());
  }, [router]);
  useEffect(() => {
    if (refreshing) return;
    busy.current = false;
    if (again.current) {
      again.current = false;
      refresh();
    }
  }, [refreshing, refresh]);
  useEffect(() => {
    const source = new EventSource('/api/runs/events');
    source.addEventListener('run', (message: MessageEvent<string>) => {
      const event = orgRunEventSchema.safeParse(JSON.parse(message.data));
      if (event.success && concerns.current(event.data.runId)) refresh();
    });
    source.onopen = () => setConnection('live');
    source.onerror = () => setConnection('reconnecting');
    return () => source.close();
  }, [refresh]);
  return (
    <span data-testid="runs-live" data-state={connection} className="text-xs text-muted-foreground">
      {connection === 'live' ? '● Live' : connection === 'reconnecting' ? 'Reconnecting…' : 'Connecting…'}
    </span>
  );
}
