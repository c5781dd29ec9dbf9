// Loaded into each Node process of the platform with `--import` when bench:throughput runs with
// `--cpu-prof <dir>` (Node refuses `--cpu-prof` itself in NODE_OPTIONS): profiles the process
// from its start and writes <dir>/<name>-<pid>.cpuprofile when it exits, for Chrome DevTools or
// speedscope to read.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROFILE_DIR;
// `next build` and its workers are not what the bench measures.
const name = process.argv.some((arg) => arg.includes('temporal/worker.ts'))
  ? 'worker'
  : process.argv.some((arg) => arg.includes('collab-server'))
    ? 'collab'
    : process.argv.includes('start')
      ? 'web'
      : undefined;

if (dir && name) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  let written = false;
  const writeProfile = () => {
    if (written) return;
    written = true;
    // The in-process session answers synchronously, so the profile is written before the exit.
    session.post('Profiler.stop', (error, result) => {
      if (!error) fs.writeFileSync(path.join(dir, `${name}-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  };
  process.on('exit', writeProfile);
  // The worker may not reach its exit before the launcher's stop gives up waiting and kills it;
  // the Temporal runtime handles SIGTERM there already, so listening too changes nothing.
  if (name === 'worker') process.prependListener('SIGTERM', writeProfile);
}
