import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { supervise, type SupervisedProcess, type SupervisorEvent } from './supervisor';

const fast = { firstDelayMs: 10, maxDelayMs: 40, healthyAfterMs: 60_000, maxFastFailures: 3 };

// A process that prints "ready", counts its starts in a file, and exits with 1 on the starts
// listed in FAIL_ON (otherwise it runs until stopped).
const script = `
const fs = require('node:fs');
const starts = Number(fs.existsSync(process.env.COUNT) ? fs.readFileSync(process.env.COUNT, 'utf8') : 0) + 1;
fs.writeFileSync(process.env.COUNT, String(starts));
console.log('ready');
if (process.env.FAIL_ON.split(',').includes(String(starts))) process.exit(1);
setInterval(() => {}, 1000);
`;

describe('supervise', () => {
  let dir = '';
  let supervised: SupervisedProcess | undefined;
  const events: SupervisorEvent[] = [];
  let onEvent: (event: SupervisorEvent) => void = () => {};
  const nextEvent = (kind: SupervisorEvent['kind']) =>
    new Promise<SupervisorEvent>((resolve) => {
      onEvent = (event) => event.kind === kind && resolve(event);
    });
  const start = (failOn: string, logFile?: string) =>
    supervise(
      {
        name: 'app',
        command: process.execPath,
        args: ['-e', script],
        env: { COUNT: path.join(dir, 'count'), FAIL_ON: failOn },
        readyWhen: /^ready$/,
        silent: true,
        logFile,
      },
      fast,
      (event) => {
        events.push(event);
        onEvent(event);
      },
    );

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'supervisor-'));
    events.length = 0;
  });
  afterEach(async () => {
    await supervised?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('restarts a process that exits on its own, with a growing delay', async () => {
    supervised = start('1,2');
    const restartedTwice = (async () => {
      await nextEvent('restarted');
      return nextEvent('restarted');
    })();
    await supervised.ready;
    await restartedTwice;
    expect(events.map((event) => event.kind)).toEqual(['exited', 'restarted', 'exited', 'restarted']);
    expect(events.filter((event) => event.kind === 'exited')).toEqual([
      { kind: 'exited', name: 'app', code: 1, restartInMs: 10, failures: 1 },
      { kind: 'exited', name: 'app', code: 1, restartInMs: 20, failures: 2 },
    ]);
    await supervised.current().ready;
    expect(await readFile(path.join(dir, 'count'), 'utf8')).toBe('3');
  });

  it('keeps the log of the process it restarted, with the next process lines after it', async () => {
    const logFile = path.join(dir, 'app.log');
    supervised = start('1', logFile);
    const restarted = nextEvent('restarted');
    await supervised.ready;
    await restarted;
    await supervised.current().ready;
    await supervised.stop();
    expect(await readFile(logFile, 'utf8')).toBe('ready\nready\n');
  });

  it('gives up on a process that keeps failing right after each start', async () => {
    supervised = start('1,2,3,4,5,6');
    await supervised.ready;
    expect(await supervised.gaveUp).toBe('app failed 4 times in a row soon after starting');
    expect(events.at(-1)).toEqual({ kind: 'gave-up', name: 'app', failures: 4 });
  });

  it('does not restart a process it was asked to stop', async () => {
    supervised = start('');
    await supervised.ready;
    await supervised.stop();
    expect(events).toEqual([]);
    expect(await readFile(path.join(dir, 'count'), 'utf8')).toBe('1');
  });
});
