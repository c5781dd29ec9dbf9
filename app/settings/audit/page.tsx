import type { Metadata } from 'next';
import { Button, buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { formatRelativeTime } from '@/components/format';
import { currentOrg } from '@/lib/auth/current-org';
import { auditQuery, listAuditEvents } from '@/lib/audit/query';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ action?: string }> }) {
  const { action } = await searchParams;
  const query = auditQuery.parse({ action: action || undefined, limit: 200 });
  const events = await listAuditEvents(await currentOrg(), query);
  const exportHref = `/api/audit-events?format=csv&limit=5000${action ? `&action=${encodeURIComponent(action)}` : ''}`;
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
        <a href={exportHref} className={buttonVariants({ variant: 'secondary' })}>
          Export CSV
        </a>
      </div>
      <Card className="overflow-hidden">
        <table className="w-full text-sm">
          <thead className="border-b border-border bg-surface-raised text-left text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th className="px-4 py-2.5 font-medium">When</th>
              <th className="px-4 py-2.5 font-medium">Action</th>
              <th className="px-4 py-2.5 font-medium">Actor</th>
              <th className="px-4 py-2.5 font-medium">Target</th>
              <th className="px-4 py-2.5 font-medium">From</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {events.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-muted-foreground">
                  No events{action ? ` matching “${action}”` : ''}.
                </td>
              </tr>
            )}
            {events.map((event) => (
              <tr key={event.id}>
                <td className="px-4 py-2.5 text-muted-foreground" title={event.createdAt.toISOString()}>
                  {formatRelativeTime(event.createdAt)}
                </td>
                <td className="px-4 py-2.5 font-mono text-xs">{event.action}</td>
                <td className="px-4 py-2.5">
                  {event.actorLabel}{' '}
                  <span className="text-xs text-muted-foreground">{event.actorType.toLowerCase()}</span>
                </td>
                <td className="px-4 py-2.5 font-mono text-xs text-muted-foreground">
                  {event.targetType} {event.targetId?.slice(0, 8)}
                </td>
                <td className="px-4 py-2.5 text-xs text-muted-foreground">{event.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
