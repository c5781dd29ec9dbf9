import { checkHealth } from '@/lib/health/checks';

export const dynamic = 'force-dynamic';

// GET /api/health — each dependency's status; 200 only when all are up, 503 otherwise.
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === 'up' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
