import pg from 'pg';
import { percentile } from '../editor/report';
import type { BenchLifecycle } from '../shared/lifecycle';
import { drive } from '../start-api/load';
import { round } from './measured-cpu';
import type { Section } from './report';

const START_API_RATE = 100;
const START_API_SECONDS = 10;

/**
 * The start path alone, as bench:start-api drives it, on this bench's flow: starts at a fixed
 * rate, open loop (runs not awaited); then waits for the started runs to end before the
 * platform stops.
 */
export async function measureStartApi(options: {
  url: string;
  init: () => RequestInit;
  databaseUrl: string;
  lifecycle: BenchLifecycle;
}): Promise<Section> {
  console.log(`Measuring: ${START_API_RATE} starts/s for ${START_API_SECONDS} s, open loop (runs not awaited)…`);
  const database = new pg.Client({ connectionString: options.databaseUrl });
  await database.connect();
  options.lifecycle.onStop(() => database.end());
  const phase = await drive({ url: options.url, init: options.init, rate: START_API_RATE, seconds: START_API_SECONDS });
  const latencies = phase.answers.map((answer) => answer.latencyMs);
  const count = (test: (outcome: string) => boolean) => phase.answers.filter(({ outcome }) => test(outcome)).length;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const { rows } = await database.query<{ count: string }>(
      `SELECT count(*) FROM runs WHERE status IN ('QUEUED', 'RUNNING')`,
    );
    if (Number(rows[0].count) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    title: `start API: ${START_API_RATE} starts/s for ${START_API_SECONDS} s (bench/start-api's load)`,
    rows: [
      { key: 'api.sent_per_s', label: 'sent per second', value: round(phase.sentPerSecond) },
      { key: 'api.p50_ms', label: 'answer p50 ms', value: round(percentile(latencies, 50)) },
      { key: 'api.p99_ms', label: 'answer p99 ms', value: round(percentile(latencies, 99)) },
      { key: 'api.accepted', label: 'answered 202', value: count((outcome) => outcome === '202') },
      { key: 'api.5xx', label: 'answered 5xx', value: count((outcome) => outcome.startsWith('5')) },
    ],
  };
}
