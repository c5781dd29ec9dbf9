// The one logger: structured JSON lines on stdout (stderr for warnings and errors), so the
// launcher, a terminal and a log shipper all read the same thing.
import { activeTrace } from '../telemetry/active-trace';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function thresholdFromEnv(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  return order[configured as LogLevel] ?? order.info;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(base: Record<string, unknown> = {}): Logger {
  const threshold = thresholdFromEnv();
  const write = (level: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (order[level] < threshold) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg, ...base, ...activeTrace() };
    for (const [key, value] of Object.entries(fields)) entry[key] = serialise(value);
    const line = JSON.stringify(entry) + '\n';
    if (order[level] >= order.warn) process.stderr.write(line);
    else process.stdout.write(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}
