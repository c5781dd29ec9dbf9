import { withOrg } from '@/lib/api/handler';
import { auditQuery, listAuditEvents, toCsv } from '@/lib/audit/query';

// GET /api/audit-events?action=&actorId=&targetId=&from=&to=&limit=&format=json|csv — the org's audit log
export const GET = withOrg('audit:read', async ({ org, req }) => {
  const query = auditQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const events = await listAuditEvents(org, query);
  if (query.format === 'csv') {
    return new Response(toCsv(events), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="audit-log.csv"',
      },
    });
  }
  return Response.json({ items: events });
});
