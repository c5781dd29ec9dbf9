import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from '../../launcher/ports';
import type { RunEnd } from './flows';
import { N8N_WEBHOOK_PATH, n8nOrderFlow } from './n8n-flow';

// n8n, installed apart from this project (bench/README.md says how), started with its default
// settings beside the platform so both run the same flow on the same box in one session.

export interface N8nSide {
  /** Where a POST starts the order flow and is answered with its last node's output. */
  webhookUrl: string;
  version: string;
}

const run = promisify(execFile);
const READY_TIMEOUT_MS = 180_000;

/** n8n's command-line entry in an install folder (`npm install n8n` made there). */
function n8nEntry(installDir: string): string {
  const entry = path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n');
  if (!existsSync(entry)) throw new Error(`--n8n: no n8n in ${installDir} (expected ${entry})`);
  return entry;
}

/**
 * Imports and publishes the order flow into a fresh n8n data folder with n8n's own CLI, then
 * serves it with `n8n start`, its settings left at their defaults but for telemetry and the
 * port; resolves once the flow's webhook answers.
 */
export async function startN8n(options: {
  installDir: string;
  nodeBinary: string;
  stubUrl: string;
  /** Takes the cleanup at once, so an interrupted or failed start leaves no process or folder. */
  onStop: (stop: () => Promise<void>) => void;
}): Promise<N8nSide> {
  const entry = n8nEntry(options.installDir);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-n8n-'));
  /** `n8n start`, once spawned. */
  const serving: { server?: ChildProcess; exited?: Promise<unknown> } = {};
  const stop = async () => {
    const { server, exited } = serving;
    if (server && server.exitCode === null && server.signalCode === null) {
      // Its task runner is its child: the whole process group goes.
      process.kill(-server.pid!, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-server.pid!, 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  options.onStop(stop);
  const port = await getFreePort();
  const env = {
    ...process.env,
    // Its task runner (the code node's process) is started with the same Node.
    PATH: `${path.dirname(options.nodeBinary)}${path.delimiter}${process.env.PATH}`,
    N8N_USER_FOLDER: dataDir,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    // This project's settings must not leak into it (NODE_OPTIONS preloads, a DB_ variable).
    NODE_OPTIONS: '',
  };
  const cli = (...args: string[]) => run(options.nodeBinary, [entry, ...args], { env, maxBuffer: 16 << 20 });

  const { stdout: version } = await cli('--version');
  const flow = n8nOrderFlow(options.stubUrl);
  const flowFile = path.join(dataDir, 'order-flow.json');
  await writeFile(flowFile, JSON.stringify(flow));
  await cli('import:workflow', `--input=${flowFile}`);
  await cli('publish:workflow', `--id=${flow.id}`);

  const started = spawn(options.nodeBinary, [entry, 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  serving.server = started;
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  started.stdout!.on('data', keep);
  started.stderr!.on('data', keep);
  serving.exited = new Promise((resolve) => started.once('exit', resolve));

  const webhookUrl = `http://127.0.0.1:${port}/webhook/${N8N_WEBHOOK_PATH}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (started.exitCode !== null || started.signalCode !== null) {
      throw new Error(
        `n8n stopped while starting (${started.signalCode ?? `exit ${started.exitCode}`}):\n${log.slice(-4_000)}`,
      );
    }
    const answer = await n8nRunToEnd(webhookUrl);
    if (answer.ok) break;
    if (Date.now() > deadline) {
      throw new Error(
        `n8n's flow did not run within ${READY_TIMEOUT_MS / 1000} s (${answer.problem}):\n${log.slice(-4_000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return { webhookUrl, version: version.trim() };
}

/** Starts the order flow through n8n's webhook and waits for its answer, the last node's output. */
export async function n8nRunToEnd(webhookUrl: string): Promise<RunEnd> {
  const sent = performance.now();
  try {
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer: 'acme' }),
    });
    const text = await response.text();
    const latencyMs = performance.now() - sent;
    // The same output as our flow's: { orderId: 'order-ACME', total: 5400 }.
    if (response.status === 200 && text.includes('"order-ACME"')) return { ok: true, latencyMs };
    return { ok: false, latencyMs, problem: `n8n: ${response.status} ${text.slice(0, 160)}` };
  } catch (error) {
    return { ok: false, latencyMs: performance.now() - sent, problem: `n8n: ${(error as Error).message}` };
  }
}
