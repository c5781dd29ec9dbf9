/** What one request of the load got back. */
export interface Answer {
  /** `202`, `503 overloaded`, `500 internal_error`, `timeout`, `network error`… */
  outcome: string;
  latencyMs: number;
  runId?: string;
}

export interface Phase {
  rate: number;
  answers: Answer[];
  /** Requests sent per second, as the load generator managed it (2 CPUs share it with the platform). */
  sentPerSecond: number;
  startedAt: Date;
  endedAt: Date;
}

const REQUEST_TIMEOUT_MS = 30_000;

async function send(url: string, init: RequestInit): Promise<Answer> {
  const sent = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    const latencyMs = performance.now() - sent;
    let body: { runId?: string; error?: { code?: string } } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // A body that is not JSON (a proxy's or Next's own error page) is counted by status alone.
    }
    const outcome = body.error?.code ? `${response.status} ${body.error.code}` : String(response.status);
    return { outcome, latencyMs, runId: response.status === 202 ? body.runId : undefined };
  } catch (error) {
    const latencyMs = performance.now() - sent;
    return { outcome: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network error', latencyMs };
  }
}

/**
 * Open-loop load: request i goes out at i / rate seconds whether or not earlier ones have been
 * answered, as independent clients would send them, so a slow server faces a growing queue
 * instead of a politely waiting client. Latency runs from each request's send to its answer.
 */
export async function drive(options: {
  url: string;
  init: (index: number) => RequestInit;
  rate: number;
  seconds: number;
}): Promise<Phase> {
  const { url, init, rate, seconds } = options;
  const total = Math.round(rate * seconds);
  const startedAt = new Date();
  const start = performance.now();
  const pending: Promise<Answer>[] = [];
  while (pending.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
    while (pending.length < due) pending.push(send(url, init(pending.length)));
    const next = start + (pending.length / rate) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  const sendingMs = performance.now() - start;
  const answers = await Promise.all(pending);
  // The first request goes at 0 s and the last at (total - 1) / rate.
  const sentPerSecond = total > 1 ? (total - 1) / (sendingMs / 1000) : rate;
  return { rate, answers, sentPerSecond, startedAt, endedAt: new Date() };
}

/**
 * `count` requests one after another, each sent when the last is answered: the service time of
 * one start with nothing queued before it. Reported as rate 0.
 */
export async function oneAtATime(options: {
  url: string;
  init: (index: number) => RequestInit;
  count: number;
}): Promise<Phase> {
  const startedAt = new Date();
  const start = performance.now();
  const answers: Answer[] = [];
  for (let index = 0; index < options.count; index++) answers.push(await send(options.url, options.init(index)));
  const sentPerSecond = options.count / ((performance.now() - start) / 1000);
  return { rate: 0, answers, sentPerSecond, startedAt, endedAt: new Date() };
}
