// The workflow side of a run alone: replays a recorded history (tests/replay/histories) many times
// in this process and prints the CPU each replay took, with the workflow bundle built as the
// worker builds it and, alternating, without its preloaded modules (every run evaluating them):
//   npm run bench:replay-cpu -- [--history local-activity-nodes] [--replays 300] [--rounds 2]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { workflowBundleOptions } from '../../temporal/workflow-bundle-options';

const { values } = parseArgs({
  options: {
    history: { type: 'string', default: 'local-activity-nodes' },
    replays: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '2' },
  },
});
const replays = Number(values.replays);
const rounds = Number(values.rounds);
if (!Number.isInteger(replays) || replays < 1 || !Number.isInteger(rounds) || rounds < 1) {
  throw new Error('--replays and --rounds must be whole numbers above 0');
}

// A replay calls the run's progress sink, which this process does not register: say nothing of it.
Runtime.install({ logger: new DefaultLogger('ERROR', () => {}) });
const file = path.join(import.meta.dirname, '../../tests/replay/histories', `${values.history}.json`);
const history: unknown = JSON.parse(await readFile(file, 'utf8'));
const logger = new DefaultLogger('WARN');
const bundles: Record<string, WorkflowBundle> = {
  'modules preloaded (as the worker runs)': await bundleWorkflowCode({ ...workflowBundleOptions, logger }),
  'modules evaluated by every run': await bundleWorkflowCode({
    workflowsPath: workflowBundleOptions.workflowsPath,
    logger,
  }),
};

async function replay(workflowBundle: WorkflowBundle, count: number): Promise<number> {
  function* histories() {
    for (let index = 0; index < count; index++) yield { workflowId: `replay-${index}`, history };
  }
  let failed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories())) if (result.error) failed++;
  return failed;
}

console.log(
  `Replaying ${values.history} ${replays} times per measure, ${rounds} rounds; CPU of this process per replay.`,
);
for (let round = 1; round <= rounds; round++) {
  for (const [name, bundle] of Object.entries(bundles)) {
    await replay(bundle, 20);
    const before = process.cpuUsage();
    const failed = await replay(bundle, replays);
    const used = process.cpuUsage(before);
    const perReplay = (used.user + used.system) / 1000 / replays;
    console.log(`  round ${round}, ${name}: ${perReplay.toFixed(1)} ms${failed ? `, ${failed} replays failed` : ''}`);
  }
}
