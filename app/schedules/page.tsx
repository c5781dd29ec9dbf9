import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarClock } from 'lucide-react';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/shell/empty-state';
import { buttonVariants } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { Cell, DataTable } from '@/components/ui/table';
import { formatFireTime } from '@/components/schedules/format-fire-time';
import { ScheduleRowActions } from '@/components/schedules/schedule-row-actions';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { listSchedules } from '@/lib/schedules/schedules';

export const metadata: Metadata = { title: 'Schedules' };

export default async function SchedulesPage() {
  const org = await requireOrg();
  const { schedules } = await listSchedules(org);
  const canAct = isAllowed(org.role, 'workflow:edit');
  return (
    <>
      <PageHeader
        title="Schedules"
        description="Workflows whose published version starts on a schedule trigger, run by Temporal Schedules."
      />
      <div className="space-y-4 px-8 py-6">
        {schedules.length === 0 ? (
          <EmptyState
            icon={CalendarClock}
            title="No schedules yet"
            action={
              <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
                Go to workflows
              </Link>
            }
          >
            Publish a workflow whose trigger is a schedule: it appears here with its next fire times.
          </EmptyState>
        ) : (
          <DataTable
            columns={[
              'Workflow',
              'Cron',
              'Time zone',
              'Next fire',
              'Last run',
              'State',
              ...(canAct ? ['Actions'] : []),
            ]}
          >
            {schedules.map((schedule) => (
              <tr key={schedule.id} data-testid="schedule-row" data-workflow-id={schedule.workflowId}>
                <Cell>
                  <Link href={`/workflows/${schedule.workflowId}`} className="hover:underline">
                    {schedule.workflowName}
                  </Link>{' '}
                  <span className="text-muted-foreground">v{schedule.version}</span>
                </Cell>
                <Cell className="whitespace-nowrap font-mono text-xs">{schedule.cron}</Cell>
                <Cell className="text-xs">{schedule.timezone}</Cell>
                <Cell className="text-xs tabular-nums" data-testid="schedule-next-fire">
                  {schedule.state === 'paused' || !schedule.nextFireTimes[0]
                    ? '—'
                    : formatFireTime(schedule.nextFireTimes[0], schedule.timezone)}
                </Cell>
                <Cell className="text-xs text-muted-foreground">
                  {schedule.lastRunAt ? new Date(schedule.lastRunAt).toLocaleString('en-US') : '—'}
                </Cell>
                <Cell>
                  <Badge tone={schedule.state === 'paused' ? 'warning' : 'success'} data-testid="schedule-state">
                    {schedule.state}
                  </Badge>
                  {!schedule.synced && (
                    <p className="mt-1 text-xs text-warning" title={schedule.syncError ?? undefined}>
                      not yet in Temporal
                    </p>
                  )}
                </Cell>
                {canAct && (
                  <Cell>
                    <ScheduleRowActions workflowId={schedule.workflowId} paused={schedule.state === 'paused'} />
                  </Cell>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </>
  );
}
