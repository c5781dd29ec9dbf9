import { errorResponse } from '@/lib/api/errors';
import { renderMetrics } from '@/lib/metrics/exposition';
import { assertMetricsScraper } from '@/lib/metrics/metrics-token';

export const dynamic = 'force-dynamic';

// GET /api/metrics — Prometheus exposition of the whole platform, for a scraper holding METRICS_TOKEN.
export async function GET(req: Request) {
  try {
    assertMetricsScraper(req);
    const { text, contentType } = await renderMetrics();
    return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
