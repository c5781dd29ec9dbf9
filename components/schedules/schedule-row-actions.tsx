'use client';

import { useCallback } from 'react';
import { useRouter } from 'next/navigation';
import { ScheduleActions } from './schedule-actions';

/** A schedules-page row's actions: the page is rendered again after each. */
export function ScheduleRowActions({ workflowId, paused }: { workflowId: string; paused: boolean }) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  return <ScheduleActions workflowId={workflowId} paused={paused} onDone={refresh} />;
}
