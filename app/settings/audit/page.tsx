import type { Metadata } from 'next';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { AdminOnlyNotice } from '@/components/auth/permission-notices';
import { auditQuery, listAuditEvents } from '@/lib/audit/query';
import { Cell, DataTable } from '@/components/ui/table';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ action?: string }> }) {
  const { action } = await searchParams;
  const query = auditQuery.parse({ action: action || undefined, limit: 200 });
  const org = await requireOrg();
  if (!isAllowed(org.role, 'audit:read')) return <AdminOnlyNotice role={org.role} what="the audit log" />;
  const events = await listAuditEvents(org, query);
  const exportHref = (format: 'csv' | 'json') =>
    `/api/audit-events?format=${format}&limit=5000${action ? `&action=${encodeURIComponent(action)}` : ''}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <form className="flex gap-2">
          <Input
            name="action"
            defaultValue={action}
            placeholder="Filter by action, e.g. run. or workflow.publish"
            className="w-80"
          />
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
        <div className="flex gap-2">
          <a href={exportHref('csv')} className={buttonVariants({ variant: 'secondary' })}>
            Export CSV
          </a>
          <a href={exportHref('json')} className={buttonVariants({ variant: 'secondary' })}>
            Export JSON
          </a>
        </div>
      </div>
      <DataTable
        columns={['When', 'Action', 'Actor', 'Target', 'From']}
        isEmpty={events.length === 0}
        empty={`No events${action ? ` matching “${action}”` : ''}.`}
      >
        {events.map((event) => (
          <tr key={event.id}>
            <Cell className="py-2.5 text-muted-foreground" title={event.createdAt.toISOString()}>
              {formatRelativeTime(event.createdAt)}
            </Cell>
            <Cell className="py-2.5 font-mono text-xs">{event.action}</Cell>
            <Cell className="py-2.5">
              {event.actorLabel} <span className="text-xs text-muted-foreground">{event.actorType.toLowerCase()}</span>
            </Cell>
            <Cell className="py-2.5 font-mono text-xs text-muted-foreground">
              {event.targetType} {event.targetId?.slice(0, 8)}
            </Cell>
            <Cell className="py-2.5 text-xs text-muted-foreground">{event.ip ?? '—'}</Cell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
